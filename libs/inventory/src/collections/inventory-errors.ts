import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';
import { QueryFailedError } from 'typeorm';

export function notFound(noun: string, id: string): YardError {
  return new YardError(ErrorCode.InventoryObjectNotFound, `No ${noun} has the id ${JSON.stringify(id)}`);
}

export function conflict(noun: string, field: string, value: string, conflictingId: string | null): YardError {
  const fieldError: FieldError = { field, message: `is already used by another ${noun}` };
  return new YardError(ErrorCode.InventoryConflict, `Another ${noun} already has the ${field} ${JSON.stringify(value)}`, [fieldError], {
    field,
    conflictingId,
  });
}

/**
 * The database's own refusals, for the writes that a concurrent writer got in before our checks could see it:
 * a unique key becomes a conflict on the field it guards, a foreign key a record in use or gone.
 */
export function translateDatabaseError(error: unknown, noun: string, uniqueField?: string): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; constraint?: string };
  const constraint = driverError.constraint ?? '';
  if (driverError.code === '23505') {
    const field = uniqueField ?? (constraint.endsWith('_slug_key') ? 'slug' : 'name');
    return new YardError(ErrorCode.InventoryConflict, `Another ${noun} already has this ${field}`, [{ field, message: `is already used by another ${noun}` }], {
      field,
      conflictingId: null,
    });
  }
  if (driverError.code === '23503') {
    return /^\s*DELETE/i.test(error.query)
      ? new YardError(ErrorCode.InventoryObjectInUse, `The ${noun} is used by devices`)
      : new YardError(ErrorCode.ValidationFailed, `The ${noun} refers to a record that no longer exists`);
  }
  return error;
}
