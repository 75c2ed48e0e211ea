import { DataSource } from 'typeorm';
import { AppliedEventRecord } from './entities/applied-event.record';
import { AuditEntryRecord } from './entities/audit-entry.record';
import { JobDefinitionRecord } from './entities/job-definition.record';
import { JobLogEntryRecord } from './entities/job-log-entry.record';
import { JobRunRecord } from './entities/job-run.record';
import { ScheduleRecord } from './entities/schedule.record';
import { InitialReadModels1764000000000 } from './migrations/1764000000000-initial-read-models';
import { RunLifecycleColumns1795480385912 } from './migrations/1795480385912-run-lifecycle-columns';
import { JobOverrides1795490000000 } from './migrations/1795490000000-job-overrides';
import { Schedules1795481745933 } from './migrations/1795481745933-schedules';
import { AuditEntries1795600000000 } from './migrations/1795600000000-audit-entries';
import { RunAs1795610000000 } from './migrations/1795610000000-run-as';

export const READ_MODEL_ENTITIES = [JobDefinitionRecord, JobRunRecord, JobLogEntryRecord, AppliedEventRecord, ScheduleRecord, AuditEntryRecord];
export const READ_MODEL_MIGRATIONS = [InitialReadModels1764000000000, RunLifecycleColumns1795480385912, Schedules1795481745933, JobOverrides1795490000000, AuditEntries1795600000000, RunAs1795610000000];

/** The read models' DataSource. The schema comes from migrations only; TypeORM never rewrites it. */
export function createReadModelDataSource(databaseUrl: string, applicationName: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    extra: { max: 10 },
  });
}

/** Applies pending migrations, each in its own transaction; returns the names of those applied. */
export async function migrateReadModels(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
