import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';

/**
 * Usernames end up in runs (`requestedBy`), events and Temporal search attributes: short, no spaces, and never a
 * colon, which is kept for the system's own actors (`schedule:<id>`).
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const GROUP_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly admin: boolean;
  readonly groups: readonly string[];
}

export interface UserPatch {
  readonly displayName?: string;
  readonly active?: boolean;
  readonly admin?: boolean;
  readonly groups?: readonly string[];
}

export function parseNewUser(body: unknown): NewUser {
  const fields = objectOf(body, 'user');
  const errors: FieldError[] = unknownFields(fields, ['username', 'displayName', 'admin', 'groups']);
  const username = fields.username;
  if (typeof username !== 'string' || !USERNAME_PATTERN.test(username)) {
    errors.push({ field: 'username', message: 'must be 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit' });
  }
  const displayName = optionalText(fields.displayName, 'displayName', errors);
  const admin = optionalBoolean(fields.admin, 'admin', errors);
  const groups = optionalNames(fields.groups, 'groups', errors);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The user is invalid', errors);
  return { username: username as string, displayName: displayName ?? (username as string), admin: admin ?? false, groups: groups ?? [] };
}

export function parseUserPatch(body: unknown): UserPatch {
  const fields = objectOf(body, 'change');
  const errors: FieldError[] = unknownFields(fields, ['displayName', 'active', 'admin', 'groups']);
  const displayName = optionalText(fields.displayName, 'displayName', errors);
  const active = optionalBoolean(fields.active, 'active', errors);
  const admin = optionalBoolean(fields.admin, 'admin', errors);
  const groups = optionalNames(fields.groups, 'groups', errors);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The change is invalid', errors);
  return {
    ...(displayName === undefined ? {} : { displayName }),
    ...(active === undefined ? {} : { active }),
    ...(admin === undefined ? {} : { admin }),
    ...(groups === undefined ? {} : { groups }),
  };
}

export function parseNewGroup(body: unknown): { name: string; description: string } {
  const fields = objectOf(body, 'group');
  const errors: FieldError[] = unknownFields(fields, ['name', 'description']);
  if (typeof fields.name !== 'string' || !GROUP_NAME_PATTERN.test(fields.name)) {
    errors.push({ field: 'name', message: 'must be 1 to 64 letters, digits, spaces, ".", "_" or "-", starting with a letter or digit' });
  }
  const description = optionalText(fields.description, 'description', errors, true);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The group is invalid', errors);
  return { name: fields.name as string, description: description ?? '' };
}

export function parseGroupPatch(body: unknown): { description?: string } {
  const fields = objectOf(body, 'change');
  const errors: FieldError[] = unknownFields(fields, ['description']);
  const description = optionalText(fields.description, 'description', errors, true);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The change is invalid', errors);
  return description === undefined ? {} : { description };
}

export interface NewToken {
  readonly name: string;
  readonly expiresAt: Date | null;
  readonly readOnly: boolean;
}

/** `{ name, expiresAt?, readOnly? }`; an expiry must lie in the future. */
export function parseNewToken(body: unknown, now: Date = new Date()): NewToken {
  const fields = objectOf(body, 'token');
  const errors: FieldError[] = unknownFields(fields, ['name', 'expiresAt', 'readOnly']);
  if (typeof fields.name !== 'string' || fields.name.trim() === '' || fields.name.length > 100) {
    errors.push({ field: 'name', message: 'must be a name of 1 to 100 characters, saying what the token is for' });
  }
  let expiresAt: Date | null = null;
  if (fields.expiresAt !== undefined && fields.expiresAt !== null) {
    const parsed = typeof fields.expiresAt === 'string' ? new Date(fields.expiresAt) : new Date(Number.NaN);
    if (Number.isNaN(parsed.getTime())) errors.push({ field: 'expiresAt', message: 'must be an ISO 8601 date and time' });
    else if (parsed.getTime() <= now.getTime()) errors.push({ field: 'expiresAt', message: 'must be in the future' });
    else expiresAt = parsed;
  }
  const readOnly = optionalBoolean(fields.readOnly, 'readOnly', errors);
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The token request is invalid', errors);
  return { name: (fields.name as string).trim(), expiresAt, readOnly: readOnly ?? false };
}

function objectOf(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new YardError(ErrorCode.MalformedRequest, `The request body must be a JSON object describing the ${what}`);
  }
  return body as Record<string, unknown>;
}

function unknownFields(fields: Record<string, unknown>, known: readonly string[]): FieldError[] {
  return Object.keys(fields)
    .filter((field) => !known.includes(field))
    .map((field) => ({ field, message: 'is not a field here' }));
}

function optionalText(value: unknown, field: string, errors: FieldError[], allowEmpty = false): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '') || value.length > 200) {
    errors.push({ field, message: allowEmpty ? 'must be text of at most 200 characters' : 'must be text of 1 to 200 characters' });
    return undefined;
  }
  return value;
}

function optionalBoolean(value: unknown, field: string, errors: FieldError[]): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    errors.push({ field, message: 'must be true or false' });
    return undefined;
  }
  return value;
}

function optionalNames(value: unknown, field: string, errors: FieldError[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    errors.push({ field, message: 'must be a list of group names' });
    return undefined;
  }
  return [...new Set(value as string[])];
}
