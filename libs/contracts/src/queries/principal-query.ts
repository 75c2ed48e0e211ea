import { z } from 'zod';
import type { ActingPrincipal } from '../auth/permissions';

/** Asks the API, which owns identity, for a user's current principal. */
export const principalQuerySchema = z.object({ username: z.string().min(1) });
export type PrincipalQuery = z.infer<typeof principalQuerySchema>;

/** `unknown`: no such user; `inactive`: deactivated. Neither may have anything done on their behalf. */
export type PrincipalAnswer =
  | { readonly status: 'active'; readonly principal: ActingPrincipal }
  | { readonly status: 'inactive' }
  | { readonly status: 'unknown' };
