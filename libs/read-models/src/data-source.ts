import { createPostgresDataSource, runPendingMigrations, type PostgresConnection } from '@yardmaster/database';
import type { DataSource } from 'typeorm';
import { AppliedEventRecord } from './entities/applied-event.record';
import { AuditEntryRecord } from './entities/audit-entry.record';
import { JobDefinitionRecord } from './entities/job-definition.record';
import { JobLogEntryRecord } from './entities/job-log-entry.record';
import { JobRunRecord } from './entities/job-run.record';
import { ScheduleRecord } from './entities/schedule.record';
import { FactsReportEntryRecord } from './entities/facts-report-entry.record';
import { FactsReportRecord } from './entities/facts-report.record';
import { InitialReadModels1764000000000 } from './migrations/1764000000000-initial-read-models';
import { RunLifecycleColumns1795480385912 } from './migrations/1795480385912-run-lifecycle-columns';
import { JobOverrides1795490000000 } from './migrations/1795490000000-job-overrides';
import { Schedules1795481745933 } from './migrations/1795481745933-schedules';
import { AuditEntries1795600000000 } from './migrations/1795600000000-audit-entries';
import { RunAs1795610000000 } from './migrations/1795610000000-run-as';
import { RetentionIndexes1795700000000 } from './migrations/1795700000000-retention-indexes';
import { RunCounts1795710000000 } from './migrations/1795710000000-run-counts';
import { PlanRunsIndex1796300000000 } from './migrations/1796300000000-plan-runs-index';
import { FactsReports1796310000000 } from './migrations/1796310000000-facts-reports';

/** The name services inject the read models' DataSource by: `@InjectDataSource(READ_MODELS)`. */
export const READ_MODELS = 'read-models';

/** The read models' connection. The schema comes from migrations only; TypeORM never rewrites it. */
export const READ_MODELS_CONNECTION: PostgresConnection = {
  name: READ_MODELS,
  entities: [JobDefinitionRecord, JobRunRecord, JobLogEntryRecord, AppliedEventRecord, ScheduleRecord, AuditEntryRecord, FactsReportRecord, FactsReportEntryRecord],
  migrations: [InitialReadModels1764000000000, RunLifecycleColumns1795480385912, Schedules1795481745933, JobOverrides1795490000000, AuditEntries1795600000000, RunAs1795610000000, RetentionIndexes1795700000000, RunCounts1795710000000, PlanRunsIndex1796300000000, FactsReports1796310000000],
  migrationsTableName: 'read_model_migrations',
  poolSize: 10,
};

/** The read models' DataSource outside Nest (the migration tool, tests). */
export function createReadModelDataSource(databaseUrl: string, applicationName: string): DataSource {
  return createPostgresDataSource(READ_MODELS_CONNECTION, { databaseUrl, applicationName });
}

/**
 * The read models' DataSource on a schema of their own (a rebuild's shadow), outside Nest: every connection's
 * search_path is that schema alone, so migrations create the tables there and unqualified table names reach them.
 * Its commits do not wait for the WAL to reach the disk: what it writes can be made again.
 */
export function createReadModelDataSourceIn(schema: string, databaseUrl: string, applicationName: string, poolSize: number): DataSource {
  const dataSource = createPostgresDataSource({ ...READ_MODELS_CONNECTION, poolSize }, { databaseUrl, applicationName });
  return dataSource.setOptions({ extra: { max: poolSize, options: `-c search_path=${schema} -c synchronous_commit=off` } });
}

/** Applies the read models' pending migrations on an initialized DataSource; the names of those applied. */
export function migrateReadModels(dataSource: DataSource): Promise<string[]> {
  return runPendingMigrations(dataSource);
}
