import {
  groupPatchBodySchema,
  newGroupBodySchema,
  newTokenBodySchema,
  newUserBodySchema,
  parseBody,
  userPatchBodySchema,
  ErrorCode,
  YardError,
} from '@yardmaster/contracts';

export { GROUP_NAME_PATTERN, USERNAME_PATTERN } from '@yardmaster/contracts';

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

/** Every identity body refuses a field it does not have with the same words. */
const UNKNOWN_FIELD = 'is not a field here';

export function parseNewUser(body: unknown): NewUser {
  const user = parseBody(newUserBodySchema, objectOf(body, 'user'), { invalid: 'The user is invalid', unknownField: UNKNOWN_FIELD });
  return { username: user.username, displayName: user.displayName ?? user.username, admin: user.admin ?? false, groups: user.groups ?? [] };
}

export function parseUserPatch(body: unknown): UserPatch {
  return parseBody(userPatchBodySchema, objectOf(body, 'change'), { invalid: 'The change is invalid', unknownField: UNKNOWN_FIELD });
}

export function parseNewGroup(body: unknown): { name: string; description: string } {
  const group = parseBody(newGroupBodySchema, objectOf(body, 'group'), { invalid: 'The group is invalid', unknownField: UNKNOWN_FIELD });
  return { name: group.name, description: group.description ?? '' };
}

export function parseGroupPatch(body: unknown): { description?: string } {
  return parseBody(groupPatchBodySchema, objectOf(body, 'change'), { invalid: 'The change is invalid', unknownField: UNKNOWN_FIELD });
}

export interface NewToken {
  readonly name: string;
  readonly expiresAt: Date | null;
  readonly readOnly: boolean;
}

/** `{ name, expiresAt?, readOnly? }`; an expiry must lie in the future. */
export function parseNewToken(body: unknown, now: Date = new Date()): NewToken {
  const token = parseBody(newTokenBodySchema(now), objectOf(body, 'token'), { invalid: 'The token request is invalid', unknownField: UNKNOWN_FIELD });
  return { name: token.name.trim(), expiresAt: token.expiresAt ? new Date(token.expiresAt) : null, readOnly: token.readOnly ?? false };
}

function objectOf(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new YardError(ErrorCode.MalformedRequest, `The request body must be a JSON object describing the ${what}`);
  }
  return body as Record<string, unknown>;
}
