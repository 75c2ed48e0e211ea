import { z } from 'zod';
import { jsonObjectSchema, readonlyArray } from '../schemas/json-schemas';

/** When a schedule fires: once, every N minutes, or on a 5-field cron expression in a time zone. */
export const scheduleTimingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at'), at: z.string() }),
  z.object({ kind: z.literal('interval'), everyMinutes: z.number() }),
  z.object({ kind: z.literal('cron'), cron: z.string(), timezone: z.string() }),
]);
export type ScheduleTiming = z.infer<typeof scheduleTimingSchema>;

/** What happens when a run is due while the schedule's previous run still goes on. */
export const OVERLAP_POLICIES = ['skip', 'buffer_one', 'allow_all'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** Everything a schedule is: comparing two of these tells whether a create request changes anything. */
export const scheduleDefinitionSchema = z.object({
  key: z.string(),
  jobId: z.string(),
  data: jsonObjectSchema,
  /** Null for a read-only job: its runs have no commit. */
  commit: z.boolean().nullable(),
  queue: z.string(),
  runTimeoutSeconds: z.number().nullable(),
  timing: scheduleTimingSchema,
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
  overlap: z.enum(OVERLAP_POLICIES),
  /** After an outage, a due run is still started if it was due less than this long ago; one at most. */
  catchupWindowSeconds: z.number(),
  /**
   * The user the schedule's runs act as: its creator, or whom an administrator named (`runAs`). Absent for
   * schedules created before owners, whose runs act as `schedule:<id>` without permission checks.
   */
  owner: z.string().optional(),
});
export type ScheduleDefinition = z.infer<typeof scheduleDefinitionSchema>;

/** What a schedule's Temporal action hands the collector each time it fires. */
export interface ScheduledRunRequest {
  readonly scheduleId: string;
  readonly definition: ScheduleDefinition;
}

export const SCHEDULE_STATE_NAMES = ['active', 'paused'] as const;
export type ScheduleStateName = (typeof SCHEDULE_STATE_NAMES)[number];

/** A schedule as the scheduler last saw it in Temporal: what `schedule.changed` carries and the read model keeps. */
export const scheduleSnapshotSchema = z.object({
  scheduleId: z.string().min(1),
  definition: scheduleDefinitionSchema,
  state: z.enum(SCHEDULE_STATE_NAMES),
  pausedReason: z.string().nullable(),
  nextRunTimes: readonlyArray(z.string()),
  deleted: z.boolean(),
  observedAt: z.string(),
});
export type ScheduleSnapshot = z.infer<typeof scheduleSnapshotSchema>;
