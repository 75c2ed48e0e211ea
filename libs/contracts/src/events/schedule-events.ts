import type { ScheduleSnapshot } from '../schedules/schedule-definition';
import type { EventEnvelope } from './envelope';

/** The whole schedule after a change (or as the reconciler found it): the projection keeps the newest. */
export type ScheduleChanged = EventEnvelope<'schedule.changed', ScheduleSnapshot>;
