import { z } from 'zod';
import { commandMetaSchema } from '../commands/command-reply';
import { jsonObjectSchema } from '../schemas/json-schemas';
import { scheduleTimingSchema, type ScheduleSnapshot } from './schedule-definition';

/**
 * The fields a person gives to create (or, by key, update) a schedule: their types. What they mean (the job, its
 * variables, the times, the overlap policy) the scheduler checks against the catalog, naming each field.
 */
export const scheduleRequestSchema = z.object({
  key: z.string().optional(),
  instance: z.string().optional(),
  jobId: z.string(),
  data: jsonObjectSchema.optional(),
  commit: z.boolean().optional(),
  queue: z.string().optional(),
  runTimeoutSeconds: z.number().optional(),
  at: z.string().optional(),
  intervalMinutes: z.number().optional(),
  cron: z.string().optional(),
  timezone: z.string().optional(),
  startAt: z.string().optional(),
  endAt: z.string().optional(),
  overlap: z.string().optional(),
  catchupWindowSeconds: z.number().optional(),
  /** The owner, whom the runs act as; only an administrator may name someone else (the API checks it). */
  runAs: z.string().optional(),
});
export type ScheduleRequest = z.infer<typeof scheduleRequestSchema>;

export const upsertScheduleCommandSchema = z.object({ meta: commandMetaSchema, request: scheduleRequestSchema });
export type UpsertScheduleCommand = z.infer<typeof upsertScheduleCommandSchema>;

export const schedulePatchSchema = scheduleRequestSchema.omit({ key: true, instance: true, jobId: true }).partial().extend({ timing: scheduleTimingSchema.optional() });
export type SchedulePatch = z.infer<typeof schedulePatchSchema>;

export const updateScheduleCommandSchema = z.object({ meta: commandMetaSchema, scheduleId: z.string(), patch: schedulePatchSchema });
export type UpdateScheduleCommand = z.infer<typeof updateScheduleCommandSchema>;

export const SCHEDULE_ACTIONS = ['pause', 'resume', 'trigger', 'delete'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

export const scheduleActionCommandSchema = z.object({
  meta: commandMetaSchema,
  scheduleId: z.string(),
  action: z.enum(SCHEDULE_ACTIONS),
  reason: z.string().optional(),
});
export type ScheduleActionCommand = z.infer<typeof scheduleActionCommandSchema>;

export interface ScheduleReply {
  readonly snapshot: ScheduleSnapshot;
  /** For a create: false when a schedule with the same key and spec already existed. */
  readonly created: boolean;
  readonly updated: boolean;
}
