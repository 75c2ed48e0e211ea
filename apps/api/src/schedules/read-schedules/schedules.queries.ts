import type { Principal, ScheduleStateName } from '@yardmaster/contracts';
import type { ScheduleRecord } from '@yardmaster/read-models';
import type { Found, Page } from '../../http/pagination';

/** What a schedule listing may be narrowed to; every filter given must match. */
export interface ScheduleFilters {
  readonly jobId?: string;
  readonly state?: ScheduleStateName;
}

/**
 * What the schedule routes read from the read models: schedules not deleted, of the jobs the principal may see.
 * Abstract, so that a controller's unit test runs on a fake (`schedules.queries.fake.ts`).
 */
export abstract class SchedulesQueries {
  /** One page of the visible schedules, by key. */
  abstract list(filters: ScheduleFilters, principal: Principal, page: Page): Promise<Found<ScheduleRecord>>;

  /** The schedule, or null when it is deleted, unknown or of a job the principal may not see. */
  abstract find(scheduleId: string, principal: Principal): Promise<ScheduleRecord | null>;
}
