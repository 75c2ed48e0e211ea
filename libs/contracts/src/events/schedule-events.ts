import { z } from 'zod';
import { scheduleSnapshotSchema } from '../schedules/schedule-definition';
import { eventSchema } from './envelope';

/**
 * What a person did to the schedule, so that the audit can say so: a snapshot alone cannot tell a trigger from a
 * repeated create. Absent when the scheduler publishes what it observed (start-up sync, reconciler).
 */
export const SCHEDULE_CHANGE_KINDS = ['created', 'updated', 'unchanged', 'paused', 'resumed', 'triggered', 'deleted'] as const;
export type ScheduleChangeKind = (typeof SCHEDULE_CHANGE_KINDS)[number];

export const scheduleChangedDataSchema = scheduleSnapshotSchema.extend({ change: z.enum(SCHEDULE_CHANGE_KINDS).optional() });
export type ScheduleChangedData = z.infer<typeof scheduleChangedDataSchema>;

/** The whole schedule after a change (or as the reconciler found it): the projection keeps the newest. */
export const scheduleChangedSchema = eventSchema('schedule.changed', scheduleChangedDataSchema);
export type ScheduleChanged = z.infer<typeof scheduleChangedSchema>;
