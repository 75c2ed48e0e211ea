import { JobLogEntryRecord, JobRunRecord } from '@yardmaster/read-models';
import type { Found, Page } from '../../http/pagination';
import { RunsQueries, type LogFilters, type RunFilters } from './runs.queries';

/** A run record as the projection would write it, with what a test says about it. */
export function runRecord(fields: Partial<JobRunRecord> & Pick<JobRunRecord, 'id'>): JobRunRecord {
  return Object.assign(new JobRunRecord(), {
    jobId: 'hello_world',
    jobName: 'Hello World',
    status: 'completed',
    data: {},
    commit: true,
    queue: 'default',
    requestedBy: 'ann',
    runAs: 'ann',
    workflowId: `run-${fields.id}`,
    attempt: 1,
    result: null,
    error: null,
    failureCount: 0,
    createdAt: new Date('2030-01-01T00:00:00.000Z'),
    startedAt: null,
    completedAt: null,
    steps: {},
    progress: null,
    cancelRequestedBy: null,
    cancelRequestedAt: null,
    cancelledBy: null,
    scheduleId: null,
    ...fields,
  });
}

/** A log entry record of a run, at `position` in its log. */
export function logEntryRecord(fields: Partial<JobLogEntryRecord> & Pick<JobLogEntryRecord, 'runId' | 'position'>): JobLogEntryRecord {
  return Object.assign(new JobLogEntryRecord(), {
    id: `${fields.runId}:${fields.position}`,
    level: 'info',
    grouping: 'run',
    message: `entry ${fields.position}`,
    object: null,
    attempt: 1,
    loggedAt: new Date('2030-01-01T00:00:00.000Z'),
    ...fields,
  });
}

/** `RunsQueries` over records in memory, answering as the Postgres queries do (order, filters, owners, pages). */
export class FakeRunsQueries extends RunsQueries {
  constructor(
    private readonly runs: readonly JobRunRecord[],
    private readonly logEntries: readonly JobLogEntryRecord[] = [],
  ) {
    super();
  }

  async list(filters: RunFilters, ownedBy: string | null, page: Page): Promise<Found<JobRunRecord>> {
    const matching = this.runs
      .filter((run) => matchesEvery(run, filters) && (ownedBy === null || run.requestedBy === ownedBy || run.runAs === ownedBy))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    return pageOf(matching, page);
  }

  async find(runId: string): Promise<JobRunRecord | null> {
    return this.runs.find((run) => run.id === runId) ?? null;
  }

  async logs(runId: string, filters: LogFilters, page: Page): Promise<Found<JobLogEntryRecord>> {
    const { afterPosition, ...equalTo } = filters;
    const matching = this.logEntries
      .filter((entry) => entry.runId === runId && matchesEvery(entry, equalTo) && (afterPosition === undefined || Number(entry.position) > afterPosition))
      .sort((a, b) => Number(a.position) - Number(b.position));
    return pageOf(matching, page);
  }
}

function matchesEvery(record: object, filters: object): boolean {
  return Object.entries(filters).every(([field, value]) => (record as Record<string, unknown>)[field] === value);
}

function pageOf<TRecord>(records: TRecord[], page: Page): Found<TRecord> {
  return { records: records.slice(page.offset, page.offset + page.limit), total: records.length };
}
