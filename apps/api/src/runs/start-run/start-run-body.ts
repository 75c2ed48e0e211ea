import { ErrorCode, parseBody, startRunBodySchema, YardError, type StartRunBody } from '@yardmaster/contracts';

export type { StartRunBody } from '@yardmaster/contracts';

/** Checks the request's shape against its contract; the scheduler checks `data` against the job's variables. */
export function parseStartRunBody(body: unknown): StartRunBody {
  if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
    return { data: {} };
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new YardError(ErrorCode.MalformedRequest, 'The request body must be a JSON object: { "data": {...}, "commit": true }');
  }
  return parseBody(startRunBodySchema, body, { invalid: 'The run request is invalid', unknownField: 'is not a field of a run request' });
}
