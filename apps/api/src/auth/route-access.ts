import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@yardmaster/contracts';

/**
 * What a route lets through. Every route declares one (the guard refuses a route that does not): deny by default,
 * so a route added without thinking about access is closed, not open.
 */
export type RouteAccess = { readonly kind: 'public' } | { readonly kind: 'authenticated' } | { readonly kind: 'permission'; readonly permission: Permission };

export const ROUTE_ACCESS = 'yardmaster:route-access';

/** Anyone, without a token: health only (the API docs are served outside the controllers). */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

/** Any valid token, whatever its user may do: the caller's own account (`/api/me`). */
export const Authenticated = () => SetMetadata(ROUTE_ACCESS, { kind: 'authenticated' } satisfies RouteAccess);

/**
 * A valid token whose user holds `permission` for something (see `can` without a resource). The handler checks
 * the job or run itself when the permission depends on it.
 */
export const RequirePermission = (permission: Permission) => SetMetadata(ROUTE_ACCESS, { kind: 'permission', permission } satisfies RouteAccess);
