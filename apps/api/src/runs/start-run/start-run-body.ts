import { ErrorCode, YardError, type FieldError, type JsonObject } from '@yardmaster/contracts';

export interface StartRunBody {
  readonly data: JsonObject;
  readonly commit?: boolean;
  readonly queue?: string;
  readonly runTimeoutSeconds?: number;
  readonly startAt?: string;
  /** The user the run acts as; only an administrator may send it. */
  readonly runAs?: string;
}

/** Checks the request's shape; the scheduler checks `data` against the job's variables. */
export function parseStartRunBody(body: unknown): StartRunBody {
  if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
    return { data: {} };
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new YardError(ErrorCode.MalformedRequest, 'The request body must be a JSON object: { "data": {...}, "commit": true }');
  }
  const { data, commit, queue, runTimeoutSeconds, startAt, runAs, ...rest } = body as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(rest).map((field) => ({ field, message: 'is not a field of a run request' }));
  if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    errors.push({ field: 'data', message: 'must be an object of variable values' });
  }
  if (commit !== undefined && typeof commit !== 'boolean') errors.push({ field: 'commit', message: 'must be true or false' });
  if (queue !== undefined && typeof queue !== 'string') errors.push({ field: 'queue', message: 'must be a queue name' });
  if (startAt !== undefined && typeof startAt !== 'string') errors.push({ field: 'startAt', message: 'must be an ISO 8601 date and time' });
  if (runAs !== undefined && (typeof runAs !== 'string' || runAs.trim() === '')) errors.push({ field: 'runAs', message: 'must be a username' });
  if (runTimeoutSeconds !== undefined && (typeof runTimeoutSeconds !== 'number' || !Number.isInteger(runTimeoutSeconds) || runTimeoutSeconds < 1)) {
    errors.push({ field: 'runTimeoutSeconds', message: 'must be a whole number of seconds, at least 1' });
  }
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The run request is invalid', errors);
  return {
    data: (data ?? {}) as JsonObject,
    ...(commit === undefined ? {} : { commit: commit as boolean }),
    ...(queue === undefined ? {} : { queue: queue as string }),
    ...(runTimeoutSeconds === undefined ? {} : { runTimeoutSeconds: runTimeoutSeconds as number }),
    ...(startAt === undefined ? {} : { startAt: startAt as string }),
    ...(runAs === undefined ? {} : { runAs: runAs as string }),
  };
}
