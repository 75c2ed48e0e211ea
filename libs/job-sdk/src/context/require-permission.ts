import { can, type ActingPrincipal, type Permission, type PermissionResource } from '@yardmaster/contracts';
import { PermissionDenied } from '../errors/permission-denied';

/**
 * `context.require` over the principal a run acts as: passes when they hold the permission (about the resource,
 * when given), else throws PermissionDenied, so a job cannot do on a user's behalf what that user could not.
 */
export function requirePermissionOf(principal: ActingPrincipal): (permission: Permission, resource?: PermissionResource) => void {
  return (permission, resource) => {
    if (!can(principal, permission, resource)) throw new PermissionDenied(principal.username, permission);
  };
}
