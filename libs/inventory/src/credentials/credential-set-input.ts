import { CREDENTIAL_KINDS, ErrorCode, SECRET_FIELDS, SETTING_FIELDS, YardError, type CredentialKind, type FieldError } from '@yardmaster/contracts';
import { KIND_RULES, LIMITS, type SecretWrite } from './credential-kind-rules';

/** What a credential set holds before a change: its fields and which secrets it has (never their values). */
export interface CredentialSetCurrent {
  readonly name: string;
  readonly kind: CredentialKind;
  readonly description: string;
  readonly settings: Readonly<Record<string, string | null>>;
  readonly secretsSet: ReadonlySet<string>;
}

export type { SecretWrite } from './credential-kind-rules';

/** A create or a patch, checked against the set as it will be after it. */
export interface CredentialSetChange {
  readonly name: string;
  readonly kind: CredentialKind;
  readonly description: string;
  readonly settings: Record<string, string | null>;
  readonly secrets: Record<string, SecretWrite>;
  /** The fields the input gave (secrets by name), for the audit. */
  readonly changed: string[];
}

const COMMON_FIELDS = ['name', 'kind', 'description'];

/**
 * Reads a credential set's create (`current` null) or patch body. Every message names the field and never echoes
 * a value: a rejected secret is still mostly someone's secret.
 */
export function readCredentialSetChange(input: unknown, current: CredentialSetCurrent | null): CredentialSetChange {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new YardError(ErrorCode.ValidationFailed, 'A credential set must be given as an object of its fields');
  }
  const body = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const given = (field: string) => Object.hasOwn(body, field) && body[field] !== undefined;

  const kind = readKind(body, current, errors);
  const name = given('name') ? readText(body.name, 'name', LIMITS.name, errors, true) : (current?.name ?? missing('name', errors));
  const description = given('description') ? readText(body.description, 'description', LIMITS.description, errors, false) : (current?.description ?? '');
  if (kind === null) throwIfInvalid(errors);
  const ownFields = [...COMMON_FIELDS, ...SETTING_FIELDS[kind!], ...SECRET_FIELDS[kind!]];
  for (const field of Object.keys(body)) {
    if (!ownFields.includes(field) && body[field] !== undefined) errors.push({ field, message: `is not a field of a ${kind} credential set` });
  }

  const settings: Record<string, string | null> = {};
  for (const field of SETTING_FIELDS[kind!]) settings[field] = given(field) ? (body[field] as string | null) : (current?.settings[field] ?? null);
  const secrets: Record<string, SecretWrite> = {};
  for (const field of SECRET_FIELDS[kind!]) {
    if (!given(field)) secrets[field] = current?.secretsSet.has(field) ? 'keep' : 'clear';
    else if (body[field] === null) secrets[field] = 'clear';
    else if (typeof body[field] === 'string' && body[field] !== '') secrets[field] = { write: body[field] };
    else errors.push({ field, message: 'must be a non-empty string (or null to clear it)' });
  }
  KIND_RULES[kind!]({ settings, secrets, given, errors });
  throwIfInvalid(errors);
  return { name: name as string, kind: kind!, description: description as string, settings, secrets, changed: Object.keys(body).filter(given).sort() };
}

function readKind(body: Record<string, unknown>, current: CredentialSetCurrent | null, errors: FieldError[]): CredentialKind | null {
  const kind = body.kind;
  if (current) {
    if (kind !== undefined && kind !== current.kind) errors.push({ field: 'kind', message: 'cannot change: create a set of the other kind and point the devices at it' });
    return current.kind;
  }
  if ((CREDENTIAL_KINDS as readonly unknown[]).includes(kind)) return kind as CredentialKind;
  errors.push({ field: 'kind', message: kind === undefined ? 'is required' : `must be one of ${CREDENTIAL_KINDS.join(', ')}` });
  return null;
}

function readText(value: unknown, field: string, max: number, errors: FieldError[], required: boolean): string | null {
  const text = typeof value === 'string' ? value.trim() : null;
  if (text === null || text.length > max || (required && text === '')) {
    errors.push({ field, message: `must be text of ${required ? 1 : 0} to ${max} characters` });
    return null;
  }
  return text;
}

function missing(field: string, errors: FieldError[]): null {
  errors.push({ field, message: 'is required' });
  return null;
}

function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The credential set is invalid', errors);
}
