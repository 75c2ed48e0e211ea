import { ErrorCode, YardError } from '@yardmaster/contracts';
import { QueryFailedError } from 'typeorm';

export function credentialSetNotFound(idOrName: string): YardError {
  return new YardError(ErrorCode.CredentialSetNotFound, `No credential set has the id or name ${JSON.stringify(idOrName)}`);
}

export function credentialSetNameTaken(name: string, conflictingId: string | null): YardError {
  return new YardError(ErrorCode.CredentialSetConflict, `Another credential set already has the name ${JSON.stringify(name)}`, [{ field: 'name', message: 'is already used by another credential set' }], {
    field: 'name',
    conflictingId,
  });
}

/** What names a credential set: devices (`management.credentialsRef`) and collection plans (`credentialsRef`). */
export interface CredentialSetUsers {
  readonly devices: number;
  readonly plans: number;
}

export function credentialSetInUse(name: string, users: CredentialSetUsers, action: 'delete' | 'rename'): YardError {
  const named = [counted(users.devices, 'device', 'management.credentialsRef'), counted(users.plans, 'collection plan', 'credentialsRef')].filter((part) => part !== null);
  return new YardError(ErrorCode.CredentialSetInUse, `Cannot ${action} credential set ${JSON.stringify(name)}: it is used by ${named.join(' and ')}`, undefined, {
    devices: users.devices,
    plans: users.plans,
  });
}

function counted(count: number, noun: string, field: string): string | null {
  return count === 0 ? null : `${count} ${noun}${count === 1 ? '' : 's'} (${field})`;
}

/** The database's refusals for writes that raced past the checks: a unique name, the devices' foreign key. */
export function translateCredentialSetError(error: unknown, name: string, action: 'delete' | 'rename'): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const code = (error.driverError as { code?: string }).code;
  if (code === '23505') return credentialSetNameTaken(name, null);
  // Which table's key refused is in the constraint's name.
  if (code === '23503') return credentialSetInUse(name, /collection_plans/.test(String((error.driverError as { constraint?: string }).constraint)) ? { devices: 0, plans: 1 } : { devices: 1, plans: 0 }, action);
  return error;
}

/** A stored secret that does not open: another secrets key sealed it, or the row was changed by hand. */
export class CredentialSetUnreadableError extends Error {
  readonly code = 'CREDENTIAL_SET_UNREADABLE';

  constructor(name: string, field: string) {
    super(`Credential set ${JSON.stringify(name)}: its ${field} does not open with this YARD_SECRETS_KEY (sealed with another key, or changed); set it again over PATCH /api/credentials`);
    this.name = 'CredentialSetUnreadableError';
  }
}
