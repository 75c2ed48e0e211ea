import { ErrorCode, parseBody, scheduleBodySchema, schedulePatchBodySchema, YardError, type SchedulePatch, type ScheduleRequest } from '@yardmaster/contracts';

const REFUSAL = { invalid: 'The schedule request is invalid', unknownField: 'is not a field of a schedule' };

/**
 * Checks the shape of a schedule request (or, with `forPatch`, of a change to one) against its contract; the
 * scheduler checks what the values mean: the job, its variables, the times.
 */
export function parseScheduleBody(body: unknown, forPatch: false): ScheduleRequest;
export function parseScheduleBody(body: unknown, forPatch: true): SchedulePatch;
export function parseScheduleBody(body: unknown, forPatch: boolean): ScheduleRequest | SchedulePatch;
export function parseScheduleBody(body: unknown, forPatch: boolean): ScheduleRequest | SchedulePatch {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new YardError(ErrorCode.MalformedRequest, 'The request body must be a JSON object describing the schedule');
  }
  return forPatch ? parseBody(schedulePatchBodySchema, body, REFUSAL) : parseBody(scheduleBodySchema, body, REFUSAL);
}
