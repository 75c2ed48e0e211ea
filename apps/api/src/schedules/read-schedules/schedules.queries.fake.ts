import type { Principal, ScheduleDefinition } from '@yardmaster/contracts';
import { ScheduleRecord } from '@yardmaster/read-models';
import type { Found, Page } from '../../http/pagination';
import { isVisibleJob } from '../../jobs/visible-jobs';
import { SchedulesQueries, type ScheduleFilters } from './schedules.queries';

/** A schedule record as the projection would write it: every 5 minutes, active, with what a test says about it. */
export function scheduleRecord(fields: Partial<ScheduleRecord> & Pick<ScheduleRecord, 'id' | 'key' | 'jobId'>): ScheduleRecord {
  const { key, jobId } = fields;
  const definition: ScheduleDefinition = { key, jobId, data: {}, commit: false, queue: 'default', runTimeoutSeconds: 600, timing: { kind: 'interval', everyMinutes: 5 }, startAt: null, endAt: null, overlap: 'skip', catchupWindowSeconds: 60 };
  const createdAt = new Date('2030-01-01T00:00:00.000Z');
  const never = { pausedReason: null, lastRunId: null, lastRunStatus: null, lastRunAt: null, deletedAt: null };
  return Object.assign(new ScheduleRecord(), { owner: 'ann', definition, state: 'active', nextRunTimes: [], totalRuns: 0, createdAt, updatedAt: createdAt, ...never, ...fields });
}

/**
 * `SchedulesQueries` over records in memory, answering as the Postgres queries do: deleted schedules left out,
 * only those of jobs the principal may see (`groupings`: each catalog job's grouping; a job not in it is seen by id only).
 */
export class FakeSchedulesQueries extends SchedulesQueries {
  constructor(
    private readonly schedules: readonly ScheduleRecord[],
    private readonly groupings: Readonly<Record<string, string>> = {},
  ) {
    super();
  }

  async list(filters: ScheduleFilters, principal: Principal, page: Page): Promise<Found<ScheduleRecord>> {
    const matching = this.visible(principal)
      .filter((schedule) => (filters.jobId === undefined || schedule.jobId === filters.jobId) && (filters.state === undefined || schedule.state === filters.state))
      .sort((a, b) => a.key.localeCompare(b.key) || a.id.localeCompare(b.id));
    return { records: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
  }

  async find(scheduleId: string, principal: Principal): Promise<ScheduleRecord | null> {
    return this.visible(principal).find((schedule) => schedule.id === scheduleId) ?? null;
  }

  private visible(principal: Principal): ScheduleRecord[] {
    return this.schedules.filter((schedule) => schedule.deletedAt === null && isVisibleJob(principal, schedule.jobId, this.groupings[schedule.jobId] ?? ''));
  }
}
