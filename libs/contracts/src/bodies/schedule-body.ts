import { z } from 'zod';
import { OVERLAP_POLICIES } from '../schedules/schedule-definition';
import { jsonObjectOf } from '../schemas/json-schemas';

/** A text field; what it means (a job, a time, a cron) the scheduler checks, naming the field. */
const text = () => z.string({ error: 'must be a string' });
const count = () => z.number({ error: 'must be a number' });
const NOT_CHANGEABLE = 'cannot be changed: create another schedule instead';

/** The fields of a schedule request, as the scheduler's command carries them (ScheduleRequest). */
const scheduleFields = {
  key: text().optional().meta({ description: 'One schedule per key; defaults to the job id, or <jobId>/<instance>' }),
  instance: text().optional().meta({ description: 'What the schedule is about (a device, a site): part of the default key' }),
  jobId: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).meta({ example: 'examples.HelloWorld' }),
  queue: text().optional().meta({ example: 'low' }),
  at: text().optional().meta({ format: 'date-time', description: 'Run once at this time' }),
  cron: text().optional().meta({ example: '0 2 * * *' }),
  timezone: text().optional().meta({ example: 'Europe/Paris' }),
  startAt: text().optional().meta({ format: 'date-time' }),
  endAt: text().optional().meta({ format: 'date-time' }),
  overlap: text().optional().meta({ enum: [...OVERLAP_POLICIES], default: 'skip' }),
  runAs: text().optional().meta({ description: 'Administrators only: the owner, whom the runs act as (default: the creator; a change keeps it)' }),
  runTimeoutSeconds: count().optional().meta({ type: 'integer' }),
  intervalMinutes: count().optional().meta({ type: 'integer', minimum: 1 }),
  catchupWindowSeconds: count().optional().meta({ type: 'integer', minimum: 10, description: 'Default: one interval' }),
  data: jsonObjectOf('must be an object of variable values').optional().meta({ example: { name: 'nightly' } }),
  commit: z.boolean({ error: 'must be true or false' }).optional(),
};

/** The body of `POST /api/schedules`. */
export const scheduleBodySchema = z.strictObject(scheduleFields);

/** The body of `PATCH /api/schedules/{id}`: the same fields, all optional, but never another job, key or instance. */
export const schedulePatchBodySchema = z.strictObject({
  ...scheduleFields,
  key: z.never({ error: NOT_CHANGEABLE }).optional(),
  instance: z.never({ error: NOT_CHANGEABLE }).optional(),
  jobId: z.never({ error: NOT_CHANGEABLE }).optional(),
});
