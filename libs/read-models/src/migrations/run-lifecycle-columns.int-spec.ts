/**
 * The run-lifecycle migration against a real Postgres database of its own (dropped afterwards): what it adds
 * to `job_runs`, the defaults an existing row gets, and that it can be reverted and applied again.
 */
import { randomUUID } from 'node:crypto';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '@yardmaster/database';
import { createReadModelDataSource } from '../data-source';
import { JobRunRecord } from '../entities/job-run.record';
import { RunLifecycleColumns1795480385912 } from './1795480385912-run-lifecycle-columns';

jest.setTimeout(30_000);

const ADDED = ['cancel_requested_at', 'cancel_requested_by', 'cancelled_by', 'progress', 'progress_position', 'steps'];

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

async function columns(): Promise<Record<string, { data_type: string; is_nullable: string; column_default: string | null }>> {
  const rows: Array<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }> = await dataSource.query(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'job_runs'`,
  );
  return Object.fromEntries(rows.map(({ column_name, ...rest }) => [column_name, rest]));
}

/** Runs one direction of this migration itself, not whichever migration happens to be the latest. */
async function migrate(direction: 'up' | 'down'): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.startTransaction();
    await new RunLifecycleColumns1795480385912()[direction](queryRunner);
    await queryRunner.commitTransaction();
  } finally {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    await queryRunner.release();
  }
}

async function liveIndexExists(): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM pg_indexes WHERE tablename = 'job_runs' AND indexname = 'job_runs_live_idx'`);
  return rows.length === 1;
}

describe('RunLifecycleColumns migration', () => {
  it('adds the lifecycle columns with their types, and the live-runs index', async () => {
    const byName = await columns();

    expect(byName.steps).toMatchObject({ data_type: 'jsonb', is_nullable: 'NO' });
    expect(byName.steps.column_default).toContain(`'{}'`);
    expect(byName.progress).toMatchObject({ data_type: 'jsonb', is_nullable: 'YES' });
    expect(byName.progress_position).toMatchObject({ data_type: 'bigint', is_nullable: 'YES' });
    expect(byName.cancel_requested_by).toMatchObject({ data_type: 'text', is_nullable: 'YES' });
    expect(byName.cancel_requested_at).toMatchObject({ data_type: 'timestamp with time zone', is_nullable: 'YES' });
    expect(byName.cancelled_by).toMatchObject({ data_type: 'text', is_nullable: 'YES' });
    expect(await liveIndexExists()).toBe(true);
  });

  it('is read through the entity: a row written without the new columns gets their defaults', async () => {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, created_at, updated_at)
       VALUES ($1, 'demo.Job', 'queued', 2, $2, now(), now())`,
      [id, `run-${id}`],
    );

    const record = await dataSource.getRepository(JobRunRecord).createQueryBuilder('run').where('run.id = :id', { id }).getOneOrFail();

    expect(record).toMatchObject({
      steps: {},
      progress: null,
      progressPosition: null,
      cancelRequestedBy: null,
      cancelRequestedAt: null,
      cancelledBy: null,
    });
  });

  it('can be reverted, keeping the rows, and applied again', async () => {
    await migrate('down');
    const reverted = await columns();
    expect(ADDED.filter((name) => name in reverted)).toEqual([]);
    expect(await liveIndexExists()).toBe(false);
    const [{ count }]: Array<{ count: string }> = await dataSource.query(`SELECT count(*) AS count FROM job_runs`);
    expect(Number(count)).toBe(1);

    await migrate('up');
    const reapplied = await columns();
    expect(ADDED.filter((name) => name in reapplied)).toHaveLength(ADDED.length);
    expect(await liveIndexExists()).toBe(true);
  });
});
