/**
 * The run reads against a real Postgres database of its own (migrated, dropped afterwards): totals from the
 * counters the triggers keep agree with the rows through inserts, status changes, deletes and truncation, and a
 * log page found by position is the page an OFFSET would give.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import { PostgresRunsQueries } from './postgres-runs.queries';

jest.setTimeout(30_000);

let db: TestDatabase;
let queries: PostgresRunsQueries;

beforeAll(async () => {
  db = await createTestDatabase();
  queries = new PostgresRunsQueries(db.dataSource);
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(async () => {
  await db.dataSource.query('TRUNCATE job_runs, job_log_entries');
});

async function insertRuns(count: number, jobId: string, status: string, requestedBy = 'ann', runAs: string | null = null): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.dataSource.query(
    `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, requested_by, run_as, created_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, 2, 'wf', $3, $4, now(), now() FROM generate_series(1, $5) RETURNING id`,
    [jobId, status, requestedBy, runAs, count],
  );
  return rows.map((row) => row.id);
}

async function exactCount(where = 'true'): Promise<number> {
  const rows: Array<{ count: string }> = await db.dataSource.query(`SELECT count(*) AS count FROM job_runs WHERE ${where}`);
  return Number(rows[0]?.count);
}

const PAGE = { limit: 5, offset: 0 };

it('answers totals that agree with the rows through inserts, status changes, deletes and truncation', async () => {
  const hello = await insertRuns(7, 'examples.HelloWorld', 'queued');
  await insertRuns(4, 'examples.SlowCount', 'queued');
  await db.dataSource.query(`UPDATE job_runs SET status = 'completed', status_rank = 4 WHERE id = ANY($1::uuid[])`, [hello.slice(0, 3)]);
  // A progress update changes no status: the counters stay as they are.
  await db.dataSource.query(`UPDATE job_runs SET progress = '{"total": 2, "done": 1}' WHERE job_id = 'examples.SlowCount'`);
  await db.dataSource.query(`DELETE FROM job_runs WHERE id = $1`, [hello[6]]);

  const totals = {
    all: (await queries.list({}, null, PAGE)).total,
    hello: (await queries.list({ jobId: 'examples.HelloWorld' }, null, PAGE)).total,
    queued: (await queries.list({ status: 'queued' }, null, PAGE)).total,
    helloCompleted: (await queries.list({ jobId: 'examples.HelloWorld', status: 'completed' }, null, PAGE)).total,
  };

  expect(totals).toEqual({
    all: await exactCount(),
    hello: await exactCount(`job_id = 'examples.HelloWorld'`),
    queued: await exactCount(`status = 'queued'`),
    helloCompleted: await exactCount(`job_id = 'examples.HelloWorld' AND status = 'completed'`),
  });
  expect(totals).toEqual({ all: 10, hello: 6, queued: 7, helloCompleted: 3 });

  await db.dataSource.query('TRUNCATE job_runs');
  expect((await queries.list({}, null, PAGE)).total).toBe(0);
});

it("counts one's own runs: requested by them or acting as them, each once", async () => {
  await insertRuns(3, 'examples.HelloWorld', 'queued', 'bob');
  await insertRuns(2, 'examples.HelloWorld', 'queued', 'schedule:nightly', 'bob');
  await insertRuns(1, 'examples.HelloWorld', 'queued', 'bob', 'bob');
  await insertRuns(4, 'examples.HelloWorld', 'queued', 'ann');

  const own = await queries.list({}, 'bob', { limit: 50, offset: 0 });

  expect(own.total).toBe(6);
  expect(own.records).toHaveLength(6);
  expect((await queries.list({ status: 'queued' }, 'bob', PAGE)).total).toBe(6);
});

it('pages a run log by position as an offset would, and counts it', async () => {
  const runId = randomUUID();
  await db.dataSource.query(
    `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, attempt, logged_at)
     SELECT $1::text || ':' || n, $1::uuid, 1000 + n * 3, CASE WHEN n % 2 = 0 THEN 'warning' ELSE 'info' END, 'run', 'line ' || n, 1, now()
     FROM generate_series(1, 40) AS n`,
    [runId],
  );

  const page = await queries.logs(runId, {}, { limit: 5, offset: 10 });
  const beyond = await queries.logs(runId, {}, { limit: 5, offset: 40 });
  const warnings = await queries.logs(runId, { level: 'warning' }, { limit: 3, offset: 2 });

  expect(page.total).toBe(40);
  expect(page.records.map((entry) => entry.message)).toEqual(['line 11', 'line 12', 'line 13', 'line 14', 'line 15']);
  expect(beyond).toEqual({ records: [], total: 40 });
  expect(warnings.total).toBe(20);
  expect(warnings.records.map((entry) => entry.message)).toEqual(['line 6', 'line 8', 'line 10']);
});
