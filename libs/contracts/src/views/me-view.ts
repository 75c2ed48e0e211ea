import { z } from 'zod';
import { readonlyArray } from '../schemas/json-schemas';

/** A grant as the API shows it: the permission and, for `jobs.run`, the jobs or groupings it covers. */
export const grantViewSchema = z.object({ permission: z.string(), jobIds: readonlyArray(z.string()).optional(), groupings: readonlyArray(z.string()).optional() });

/** `GET /api/me`: who the token belongs to and what they may do with it. */
export const meViewSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  admin: z.boolean(),
  readOnly: z.boolean(),
  tokenId: z.string().nullable(),
  permissions: readonlyArray(grantViewSchema),
});
export type MeView = z.infer<typeof meViewSchema>;
