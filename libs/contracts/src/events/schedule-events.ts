import type { ScheduleSnapshot } from '../schedules/schedule-definition';
import type { EventEnvelope } from './envelope';

/**
 * What a person did to the schedule, so that the audit can say so: a snapshot alone cannot tell a trigger from a
 * repeated create. Absent when the scheduler publishes what it observed (start-up sync, reconciler).
 */
export type ScheduleChangeKind = 'created' | 'updated' | 'unchanged' | 'paused' | 'resumed' | 'triggered' | 'deleted';

export interface ScheduleChangedData extends ScheduleSnapshot {
  readonly change?: ScheduleChangeKind;
}

/** The whole schedule after a change (or as the reconciler found it): the projection keeps the newest. */
export type ScheduleChanged = EventEnvelope<'schedule.changed', ScheduleChangedData>;
