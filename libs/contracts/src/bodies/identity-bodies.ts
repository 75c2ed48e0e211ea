import { z } from 'zod';

/**
 * Usernames end up in runs (`requestedBy`), events and Temporal search attributes: short, no spaces, and never a
 * colon, which is kept for the system's own actors (`schedule:<id>`).
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const GROUP_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

const USERNAME = 'must be 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
const GROUP_NAME = 'must be 1 to 64 letters, digits, spaces, ".", "_" or "-", starting with a letter or digit';
const TEXT = 'must be text of 1 to 200 characters';
const OPTIONAL_TEXT = 'must be text of at most 200 characters';
const TOKEN_NAME = 'must be a name of 1 to 100 characters, saying what the token is for';
const GROUPS = 'must be a list of group names';

const flag = () => z.boolean({ error: 'must be true or false' });
const text = () => z.string({ error: TEXT }).max(200, { error: TEXT }).refine((value) => value.trim() !== '', { error: TEXT });
const optionalText = () => z.string({ error: OPTIONAL_TEXT }).max(200, { error: OPTIONAL_TEXT });
/** A list of group names, each once; a bad name is an error of the list, as the API has always said. */
const groupNames = () =>
  z
    .custom<string[]>((value) => Array.isArray(value) && value.every((name) => typeof name === 'string' && name !== ''), { error: GROUPS })
    .meta({ type: 'array', items: { type: 'string', minLength: 1 } })
    .transform((names) => [...new Set(names)]);

/** The body of `POST /api/users`. */
export const newUserBodySchema = z.strictObject({
  username: z.string({ error: USERNAME }).regex(USERNAME_PATTERN, { error: USERNAME }).meta({ example: 'ann' }),
  displayName: text().optional().meta({ description: 'Default: the username' }),
  admin: flag().optional().meta({ default: false }),
  groups: groupNames().optional(),
});

/** The body of `PATCH /api/users/{username}`. */
export const userPatchBodySchema = z.strictObject({ displayName: text().optional(), active: flag().optional(), admin: flag().optional(), groups: groupNames().optional() });

/** The body of `POST /api/groups`. */
export const newGroupBodySchema = z.strictObject({
  name: z.string({ error: GROUP_NAME }).regex(GROUP_NAME_PATTERN, { error: GROUP_NAME }).meta({ example: 'operators' }),
  description: optionalText().optional(),
});

/** The body of `PATCH /api/groups/{name}`. */
export const groupPatchBodySchema = z.strictObject({ description: optionalText().optional() });

/** The body of `POST /api/me/tokens` (and an administrator's for a user): an expiry must lie after `now`. */
export function newTokenBodySchema(now: Date) {
  return z.strictObject({
    name: z
      .string({ error: TOKEN_NAME })
      .max(100, { error: TOKEN_NAME })
      .refine((name) => name.trim() !== '', { error: TOKEN_NAME })
      .meta({ description: 'What the token is for', example: 'laptop' }),
    expiresAt: z
      .string({ error: 'must be an ISO 8601 date and time' })
      .refine((at) => !Number.isNaN(new Date(at).getTime()), { error: 'must be an ISO 8601 date and time', abort: true })
      .refine((at) => new Date(at).getTime() > now.getTime(), { error: 'must be in the future' })
      .nullish()
      .meta({ format: 'date-time', description: 'When the token stops working, in the future; left out or null: never' }),
    readOnly: flag().optional().meta({ default: false, description: 'A read-only token may only read (GET); every write is 403' }),
  });
}
