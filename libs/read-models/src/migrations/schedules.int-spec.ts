/**
 * The schedules migration against a real Postgres database of its own (dropped afterwards): the `schedules`
 * table and its key rule, `job_runs.schedule_id` and its index, reading both through the entities, and that it can
 * be reverted and applied again.
 */
import { randomUUID } from 'node:crypto';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '@yardmaster/database';
import { createReadModelDataSource } from '../data-source';
import { JobRunRecord } from '../entities/job-run.record';
import { ScheduleRecord } from '../entities/schedule.record';
import { Schedules1795481745933 } from './1795481745933-schedules';

jest.setTimeout(30_000);

let db: EmptyTestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createReadModelDataSource(db.url, 'read-model-migration-tests').initialize();
  await runPendingMigrations(dataSource);
});

afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  await db?.drop();
});

type Columns = Record<string, { data_type: string; is_nullable: string; column_default: string | null }>;

async function columns(table: string): Promise<Columns> {
  const rows: Array<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }> = await dataSource.query(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = $1`,
    [table],
  );
  return Object.fromEntries(rows.map(({ column_name, ...rest }) => [column_name, rest]));
}

async function indexes(table: string): Promise<Record<string, string>> {
  const rows: Array<{ indexname: string; indexdef: string }> = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1`, [table]);
  return Object.fromEntries(rows.map((row) => [row.indexname, row.indexdef]));
}

async function migrate(direction: 'up' | 'down'): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.startTransaction();
    await new Schedules1795481745933()[direction](queryRunner);
    await queryRunner.commitTransaction();
  } finally {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    await queryRunner.release();
  }
}

async function insertSchedule(id: string, key: string, deletedAt: Date | null = null): Promise<void> {
  await dataSource.query(
    `INSERT INTO schedules (id, key, job_id, definition, state, snapshot_position, deleted_at) VALUES ($1, $2, 'demo.Job', '{}', 'active', 1, $3)`,
    [id, key, deletedAt],
  );
}

describe('Schedules migration', () => {
  it('creates schedules with its columns and types', async () => {
    const byName = await columns('schedules');

    expect(Object.keys(byName).sort()).toEqual(
      [
        'id',
        'key',
        'job_id',
        'definition',
        'state',
        'paused_reason',
        'next_run_times',
        'last_run_id',
        'last_run_status',
        'last_run_at',
        'total_runs',
        'snapshot_position',
        'created_at',
        'updated_at',
        'deleted_at',
        // Added by RunAs1795610000000.
        'owner',
      ].sort(),
    );
    expect(byName.id).toMatchObject({ data_type: 'text', is_nullable: 'NO' });
    expect(byName.key).toMatchObject({ data_type: 'text', is_nullable: 'NO' });
    expect(byName.definition).toMatchObject({ data_type: 'jsonb', is_nullable: 'NO' });
    expect(byName.paused_reason).toMatchObject({ data_type: 'text', is_nullable: 'YES' });
    expect(byName.next_run_times).toMatchObject({ data_type: 'jsonb', is_nullable: 'NO' });
    expect(byName.last_run_id).toMatchObject({ data_type: 'uuid', is_nullable: 'YES' });
    expect(byName.last_run_status).toMatchObject({ data_type: 'text', is_nullable: 'YES' });
    expect(byName.last_run_at).toMatchObject({ data_type: 'timestamp with time zone', is_nullable: 'YES' });
    expect(byName.total_runs).toMatchObject({ data_type: 'integer', is_nullable: 'NO', column_default: '0' });
    expect(byName.snapshot_position).toMatchObject({ data_type: 'bigint', is_nullable: 'NO' });
    expect(byName.deleted_at).toMatchObject({ data_type: 'timestamp with time zone', is_nullable: 'YES' });
  });

  it('adds job_runs.schedule_id with an index of the scheduled runs', async () => {
    expect((await columns('job_runs')).schedule_id).toMatchObject({ data_type: 'text', is_nullable: 'YES' });
    expect((await indexes('job_runs')).job_runs_schedule_id_idx).toContain('WHERE (schedule_id IS NOT NULL)');
  });

  it('keeps a key to one schedule not deleted', async () => {
    await insertSchedule('sch-a', 'nightly');
    await expect(insertSchedule('sch-b', 'nightly')).rejects.toThrow(/schedules_key_live_idx/);

    await insertSchedule('sch-c', 'nightly', new Date('2030-01-01T00:00:00.000Z'));
    await dataSource.query(`UPDATE schedules SET deleted_at = now() WHERE id = 'sch-a'`);
    await insertSchedule('sch-b', 'nightly');

    const [{ count }]: Array<{ count: string }> = await dataSource.query(`SELECT count(*) AS count FROM schedules WHERE key = 'nightly'`);
    expect(Number(count)).toBe(3);
  });

  it('is read through the entities, with the defaults a row written without them gets', async () => {
    await insertSchedule('sch-read', 'read');
    const runId = randomUUID();
    await dataSource.query(
      `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, created_at, updated_at, schedule_id)
       VALUES ($1, 'demo.Job', 'queued', 2, $2, now(), now(), 'sch-read')`,
      [runId, `run-${runId}`],
    );

    const schedule = await dataSource.getRepository(ScheduleRecord).createQueryBuilder('schedule').where('schedule.id = :id', { id: 'sch-read' }).getOneOrFail();
    const run = await dataSource.getRepository(JobRunRecord).createQueryBuilder('run').where('run.id = :id', { id: runId }).getOneOrFail();

    expect(schedule).toMatchObject({
      key: 'read',
      jobId: 'demo.Job',
      definition: {},
      state: 'active',
      pausedReason: null,
      nextRunTimes: [],
      lastRunId: null,
      lastRunStatus: null,
      lastRunAt: null,
      totalRuns: 0,
      snapshotPosition: '1',
      deletedAt: null,
    });
    expect(schedule.createdAt).toBeInstanceOf(Date);
    expect(run.scheduleId).toBe('sch-read');
  });

  it('can be reverted, keeping the runs, and applied again', async () => {
    await migrate('down');
    expect(await columns('schedules')).toEqual({});
    expect('schedule_id' in (await columns('job_runs'))).toBe(false);
    expect('job_runs_schedule_id_idx' in (await indexes('job_runs'))).toBe(false);
    const [{ count }]: Array<{ count: string }> = await dataSource.query(`SELECT count(*) AS count FROM job_runs`);
    expect(Number(count)).toBe(1);

    await migrate('up');
    expect(Object.keys(await columns('schedules'))).toHaveLength(15);
    expect((await columns('job_runs')).schedule_id).toBeDefined();
    expect(Object.keys(await indexes('schedules')).sort()).toEqual(['schedules_job_id_idx', 'schedules_key_live_idx', 'schedules_pkey']);
  });
});
