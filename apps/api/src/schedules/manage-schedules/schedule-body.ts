import { ErrorCode, YardError, type FieldError, type ScheduleRequest } from '@yardmaster/contracts';

const STRING_FIELDS = ['key', 'instance', 'jobId', 'queue', 'at', 'cron', 'timezone', 'startAt', 'endAt', 'overlap', 'runAs'] as const;
const NUMBER_FIELDS = ['runTimeoutSeconds', 'intervalMinutes', 'catchupWindowSeconds'] as const;
const KNOWN_FIELDS = new Set<string>([...STRING_FIELDS, ...NUMBER_FIELDS, 'data', 'commit']);

/**
 * Checks the shape of a schedule request (or, with `forPatch`, of a change to one); the scheduler checks
 * what the values mean: the job, its variables, the times.
 */
export function parseScheduleBody(body: unknown, forPatch: boolean): ScheduleRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new YardError(ErrorCode.MalformedRequest, 'The request body must be a JSON object describing the schedule');
  }
  const fields = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const field of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(field)) errors.push({ field, message: 'is not a field of a schedule' });
  }
  for (const field of STRING_FIELDS) {
    if (fields[field] !== undefined && typeof fields[field] !== 'string') errors.push({ field, message: 'must be a string' });
  }
  for (const field of NUMBER_FIELDS) {
    if (fields[field] !== undefined && typeof fields[field] !== 'number') errors.push({ field, message: 'must be a number' });
  }
  if (fields.data !== undefined && (fields.data === null || typeof fields.data !== 'object' || Array.isArray(fields.data))) {
    errors.push({ field: 'data', message: 'must be an object of variable values' });
  }
  if (fields.commit !== undefined && typeof fields.commit !== 'boolean') errors.push({ field: 'commit', message: 'must be true or false' });
  if (forPatch) {
    for (const field of ['key', 'instance', 'jobId']) {
      if (fields[field] !== undefined) errors.push({ field, message: 'cannot be changed: create another schedule instead' });
    }
  } else if (typeof fields.jobId !== 'string') {
    errors.push({ field: 'jobId', message: 'is required' });
  }
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The schedule request is invalid', errors);
  return fields as unknown as ScheduleRequest;
}
