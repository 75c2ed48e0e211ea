/**
 * A run's log as the API reads it, from a real PostgreSQL database of its own: pages in the order written, the
 * total of the whole log (or of what the filters keep) on every page, and another run's lines left out.
 */
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { PostgresRunsQueries } from './postgres-runs.queries';

jest.setTimeout(30_000);

let db: TestDatabase;
let queries: PostgresRunsQueries;

beforeAll(async () => {
  db = await createTestDatabase();
  queries = new PostgresRunsQueries(db.dataSource);
});

afterAll(() => db?.drop());

/** Stores `count` entries of a run at positions first, first + 2, ...: every third one a warning of step test_mtu. */
async function storeLog(runId: string, count: number, first: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, index) => ({ index, warning: index % 3 === 2 }));
  await db.dataSource.query(
    `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, object, attempt, logged_at)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::integer[], $9::timestamptz[])`,
    [
      rows.map(() => randomUUID()),
      rows.map(() => runId),
      rows.map(({ index }) => first + index * 2),
      rows.map(({ warning }) => (warning ? 'warning' : 'info')),
      rows.map(({ warning }) => (warning ? 'test_mtu' : 'run')),
      rows.map(({ index }) => `line ${index}`),
      rows.map(() => null),
      rows.map(() => 1),
      rows.map(() => new Date()),
    ],
  );
}

describe('PostgresRunsQueries.logs', () => {
  const runId = randomUUID();

  beforeAll(async () => {
    await storeLog(runId, 30, 1_000);
    await storeLog(randomUUID(), 10, 1_001);
  });

  it('answers pages in the order written, each with the total of the whole log', async () => {
    const first = await queries.logs(runId, {}, { limit: 12, offset: 0 });
    const last = await queries.logs(runId, {}, { limit: 12, offset: 24 });

    expect(first.total).toBe(30);
    expect(first.records.map((record) => record.message)).toEqual(Array.from({ length: 12 }, (_, index) => `line ${index}`));
    expect(last.total).toBe(30);
    expect(last.records.map((record) => record.message)).toEqual(Array.from({ length: 6 }, (_, index) => `line ${24 + index}`));
  });

  it('counts and pages only what the filters keep', async () => {
    const warnings = await queries.logs(runId, { level: 'warning' }, { limit: 4, offset: 2 });
    expect(warnings.total).toBe(10);
    expect(warnings.records.map((record) => record.message)).toEqual(['line 8', 'line 11', 'line 14', 'line 17']);

    const ofRun = await queries.logs(runId, { grouping: 'run', level: 'info' }, { limit: 50, offset: 0 });
    expect(ofRun.total).toBe(20);
    expect(ofRun.records).toHaveLength(20);
  });

  it('pages after a position: the entries written after it, and how many they are', async () => {
    const page = await queries.logs(runId, { afterPosition: 1_000 + 2 * 24 }, { limit: 4, offset: 0 });
    expect(page.total).toBe(5);
    expect(page.records.map((record) => record.message)).toEqual(['line 25', 'line 26', 'line 27', 'line 28']);

    const warningsAfter = await queries.logs(runId, { level: 'warning', afterPosition: 1_000 + 2 * 20 }, { limit: 10, offset: 0 });
    expect(warningsAfter.total).toBe(3);
    expect(warningsAfter.records.map((record) => record.message)).toEqual(['line 23', 'line 26', 'line 29']);
  });

  it('answers an empty page and a total of 0 for a run without lines', async () => {
    await expect(queries.logs(randomUUID(), {}, { limit: 10, offset: 0 })).resolves.toEqual({ records: [], total: 0 });
  });
});
