import { z } from 'zod';
import { userEventDataSchema } from '../events/identity-events';
import { readonlyArray } from '../schemas/json-schemas';
import { grantViewSchema } from './me-view';

/** `GET /api/users/{username}`: the user's groups and the grants given to them directly (group grants are listed per group). */
export const userViewSchema = userEventDataSchema.extend({
  permissions: readonlyArray(grantViewSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** `GET /api/groups/{name}`: members and the grants they get through the group. */
export const groupViewSchema = z.object({
  name: z.string(),
  description: z.string(),
  members: readonlyArray(z.string()),
  permissions: readonlyArray(grantViewSchema),
  createdAt: z.string(),
});
export type GroupView = z.infer<typeof groupViewSchema>;

/** A token as lists show it: never the secret, which is shown once, when created. */
export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  readOnly: z.boolean(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

/** The answer to issuing a token: the only one that carries its secret (`token`), since only a hash is stored. */
export const issuedTokenViewSchema = tokenViewSchema.extend({ token: z.string() });
export type IssuedTokenView = z.infer<typeof issuedTokenViewSchema>;

/** `GET /api/me/tokens`, `GET /api/users/{username}/tokens`: every token, unpaged (a person has few). */
export const tokenListViewSchema = z.object({ items: readonlyArray(tokenViewSchema) });
export type TokenListView = z.infer<typeof tokenListViewSchema>;
