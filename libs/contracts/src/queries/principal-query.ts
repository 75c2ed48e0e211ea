import type { ActingPrincipal } from '../auth/permissions';

/** Asks the API, which owns identity, for a user's current principal. */
export interface PrincipalQuery {
  readonly username: string;
}

/** `unknown`: no such user; `inactive`: deactivated. Neither may have anything done on their behalf. */
export type PrincipalAnswer =
  | { readonly status: 'active'; readonly principal: ActingPrincipal }
  | { readonly status: 'inactive' }
  | { readonly status: 'unknown' };
