import { ErrorCode, YardError } from '@yardmaster/contracts';
import { QueryFailedError } from 'typeorm';

export function collectionPlanNotFound(id: string): YardError {
  return new YardError(ErrorCode.CollectionPlanNotFound, `No collection plan has the id ${JSON.stringify(id)}`);
}

export function collectionPlanNameTaken(name: string, conflictingId: string | null): YardError {
  return new YardError(ErrorCode.CollectionPlanConflict, `Another collection plan already has the name ${JSON.stringify(name)}`, [{ field: 'name', message: 'is already used by another collection plan' }], {
    field: 'name',
    conflictingId,
  });
}

const UNKNOWN_CREDENTIAL_SET = 'no credential set has this name (names match exactly, case included)';

export function unknownCredentialSet(): YardError {
  return new YardError(ErrorCode.ValidationFailed, 'The collection plan is invalid', [{ field: 'credentialsRef', message: UNKNOWN_CREDENTIAL_SET }]);
}

/** The database's refusals for writes that raced past the checks: the unique name, the credential set's foreign key. */
export function translateCollectionPlanError(error: unknown, name: string): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const code = (error.driverError as { code?: string }).code;
  if (code === '23505') return collectionPlanNameTaken(name, null);
  if (code === '23503') return unknownCredentialSet();
  return error;
}
