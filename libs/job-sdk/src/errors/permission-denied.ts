import type { Permission } from '@yardmaster/contracts';

/**
 * Thrown by `context.require` when the user the run acts as lacks a permission. Like any exception from job
 * code, it ends the step and the run `errored`, keeping this message; it is never retried.
 */
export class PermissionDenied extends Error {
  readonly code = 'PERMISSION_DENIED';

  constructor(
    readonly username: string,
    readonly permission: Permission,
  ) {
    super(`User ${username} lacks the permission ${permission}`);
    this.name = 'PermissionDenied';
  }
}
