import {
  CREDENTIAL_KINDS,
  ErrorCode,
  SECRET_FIELDS,
  SETTING_FIELDS,
  SNMP_AUTH_PROTOCOLS,
  SNMP_PRIV_PROTOCOLS,
  SNMP_SECURITY_LEVELS,
  YardError,
  type CredentialKind,
  type FieldError,
} from '@yardmaster/contracts';

/** What a credential set holds before a change: its fields and which secrets it has (never their values). */
export interface CredentialSetCurrent {
  readonly name: string;
  readonly kind: CredentialKind;
  readonly description: string;
  readonly settings: Readonly<Record<string, string | null>>;
  readonly secretsSet: ReadonlySet<string>;
}

/** Per secret field: write this clear value (to be sealed), clear it, or keep the sealed value there is. */
export type SecretWrite = { readonly write: string } | 'clear' | 'keep';

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
const LIMITS = { name: 100, description: 200, username: 100, community: 255, snmpKey: 256, password: 1024, privateKey: 16_384, passphrase: 1024 };
const SNMP_KEY_MIN = 8;

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
  const rules = { snmp_v2c: checkSnmpV2c, snmp_v3: checkSnmpV3, ssh: checkSsh }[kind!];
  rules({ settings, secrets, given, errors });
  throwIfInvalid(errors);
  return { name: name as string, kind: kind!, description: description as string, settings, secrets, changed: Object.keys(body).filter(given).sort() };
}

interface KindCheck {
  readonly settings: Record<string, string | null>;
  readonly secrets: Record<string, SecretWrite>;
  readonly given: (field: string) => boolean;
  readonly errors: FieldError[];
}

function checkSnmpV2c({ secrets, errors }: KindCheck): void {
  requireSecret(secrets, 'community', errors);
  secretLength(secrets, 'community', 1, LIMITS.community, errors);
}

/** USM: the level decides which protocols and keys there are; a level lowered drops what it no longer uses. */
function checkSnmpV3({ settings, secrets, given, errors }: KindCheck): void {
  checkSetting(settings, 'username', errors, (value) => value.trim() !== '' && value.length <= 32, 'must be an SNMPv3 user name of 1 to 32 characters');
  const level = checkSetting(settings, 'securityLevel', errors, (value) => (SNMP_SECURITY_LEVELS as readonly string[]).includes(value), `must be one of ${SNMP_SECURITY_LEVELS.join(', ')}`);
  if (level === null) return;
  const uses = { auth: level !== 'noAuthNoPriv', priv: level === 'authPriv' };
  const parts = [
    { use: uses.auth, protocol: 'authProtocol', key: 'authKey', protocols: SNMP_AUTH_PROTOCOLS as readonly string[] },
    { use: uses.priv, protocol: 'privProtocol', key: 'privKey', protocols: SNMP_PRIV_PROTOCOLS as readonly string[] },
  ];
  for (const part of parts) {
    if (!part.use) {
      for (const field of [part.protocol, part.key]) {
        const givenValue = field === part.key ? secrets[field] !== 'clear' && given(field) : given(field) && settings[field] !== null;
        if (givenValue) errors.push({ field, message: `is not used at securityLevel ${level}` });
      }
      settings[part.protocol] = null;
      secrets[part.key] = 'clear';
      continue;
    }
    checkSetting(settings, part.protocol, errors, (value) => part.protocols.includes(value), `must be one of ${part.protocols.join(', ')} at securityLevel ${level}`);
    requireSecret(secrets, part.key, errors, ` at securityLevel ${level}`);
    secretLength(secrets, part.key, SNMP_KEY_MIN, LIMITS.snmpKey, errors);
  }
}

/** A password, a private key (with its passphrase when encrypted), or both. */
function checkSsh({ settings, secrets, errors }: KindCheck): void {
  checkSetting(settings, 'username', errors, (value) => value.trim() !== '' && value.length <= LIMITS.username, `must be a user name of 1 to ${LIMITS.username} characters`);
  if (secrets.password === 'clear' && secrets.privateKey === 'clear') errors.push({ field: 'password', message: 'a password or a privateKey is required' });
  if (secrets.privateKey === 'clear' && secrets.passphrase !== 'clear') errors.push({ field: 'passphrase', message: 'goes with a privateKey' });
  secretLength(secrets, 'password', 1, LIMITS.password, errors);
  secretLength(secrets, 'privateKey', 1, LIMITS.privateKey, errors);
  secretLength(secrets, 'passphrase', 1, LIMITS.passphrase, errors);
  const key = secrets.privateKey;
  if (typeof key === 'object' && !/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(key.write)) {
    errors.push({ field: 'privateKey', message: 'must be a private key in PEM or OpenSSH form (-----BEGIN … PRIVATE KEY-----)' });
  }
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

/** Checks a setting that must be there; answers it, or null when it is not valid. */
function checkSetting(settings: Record<string, string | null>, field: string, errors: FieldError[], valid: (value: string) => boolean, message: string): string | null {
  const value = settings[field];
  if (value === null || value === undefined) {
    errors.push({ field, message: 'is required' });
    return null;
  }
  if (typeof value !== 'string' || !valid(value)) {
    errors.push({ field, message });
    return null;
  }
  return value;
}

function requireSecret(secrets: Record<string, SecretWrite>, field: string, errors: FieldError[], when = ''): void {
  if (secrets[field] === 'clear') errors.push({ field, message: `is required${when}` });
}

function secretLength(secrets: Record<string, SecretWrite>, field: string, min: number, max: number, errors: FieldError[]): void {
  const secret = secrets[field];
  if (typeof secret === 'object' && (secret.write.length < min || secret.write.length > max)) errors.push({ field, message: `must be ${min} to ${max} characters` });
}

function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The credential set is invalid', errors);
}
