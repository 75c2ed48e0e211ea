import type { LogLevel, RunStatus } from '@yardmaster/contracts';
import type { JobLogEntryRecord, JobRunRecord } from '@yardmaster/read-models';
import type { Found, Page } from '../../http/pagination';

/** What a run listing may be narrowed to; every filter given must match. */
export interface RunFilters {
  readonly jobId?: string;
  readonly status?: RunStatus;
  readonly scheduleId?: string;
}

/** What a run's log listing may be narrowed to. */
export interface LogFilters {
  readonly level?: LogLevel;
  readonly grouping?: string;
  /** Only entries written after the one at this position: where the previous page ended (a cursor, cheaper than an offset). */
  readonly afterPosition?: number;
}

/**
 * What the run routes read from the read models. Abstract, so that a controller's unit test runs on a fake
 * (`runs.queries.fake.ts`) and only `PostgresRunsQueries` knows the database.
 */
export abstract class RunsQueries {
  /**
   * One page of runs, newest first. `ownedBy`: only the runs that user requested or that act as them (null: every run),
   * narrowed in the query so that the total counts what the caller may see.
   */
  abstract list(filters: RunFilters, ownedBy: string | null, page: Page): Promise<Found<JobRunRecord>>;

  /** The run with this id (a UUID), or null. */
  abstract find(runId: string): Promise<JobRunRecord | null>;

  /** One page of a run's log entries, in the order they were written. */
  abstract logs(runId: string, filters: LogFilters, page: Page): Promise<Found<JobLogEntryRecord>>;
}
