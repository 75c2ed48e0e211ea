import { z } from 'zod';
import { RUN_STATUSES } from '../runs/run-status';
import { SCHEDULE_STATE_NAMES, scheduleDefinitionSchema } from '../schedules/schedule-definition';
import { readonlyArray } from '../schemas/json-schemas';

/** When a schedule fires, in the fields a schedule request uses: `{ at }`, `{ intervalMinutes }` or `{ cron, timezone }`. */
export const scheduleTimingViewSchema = z.union([
  z.object({ at: z.string() }),
  z.object({ intervalMinutes: z.number() }),
  z.object({ cron: z.string(), timezone: z.string() }),
]);
export type ScheduleTimingView = z.infer<typeof scheduleTimingViewSchema>;

/** What a schedule runs and when (its definition but for key and job), flattened as a schedule request gives it. */
export const scheduleDefinitionViewSchema = scheduleDefinitionSchema.omit({ key: true, jobId: true }).extend({
  timing: scheduleTimingViewSchema,
  /** Whom the runs act as; null for a schedule from before owners. */
  owner: z.string().nullable(),
});
export type ScheduleDefinitionView = z.infer<typeof scheduleDefinitionViewSchema>;

/** A schedule as `GET /api/schedules/{id}` shows it: its definition, state, next run times, and the runs it started. */
export const scheduleViewSchema = scheduleDefinitionViewSchema.extend({
  id: z.string(),
  key: z.string(),
  jobId: z.string(),
  state: z.enum(SCHEDULE_STATE_NAMES),
  pausedReason: z.string().nullable(),
  nextRunTimes: readonlyArray(z.string()),
  lastRun: z.object({ id: z.string(), status: z.enum(RUN_STATUSES).nullable(), at: z.string().nullable() }).nullable(),
  totalRuns: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.object({ self: z.string(), runs: z.string() }),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;
