/**
 * Pruning the read models against a real Postgres database of its own (migrated, dropped afterwards): ended runs
 * past retention go with their log entries, in batches; recent and unfinished runs stay, however old.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import { pruneReadModels, type ReadModelPrune } from './prune-read-models';
import { retentionCutoffs } from './retention-policy';

jest.setTimeout(30_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(async () => {
  await db.dataSource.query('TRUNCATE job_runs, job_log_entries, audit_entries, applied_events, facts_reports, facts_report_entries');
});

/** A run created `ageDays` ago with `lines` log entries; an ended run ended a minute after it was created. */
async function run(status: string, ageDays: number, lines = 3): Promise<string> {
  const id = randomUUID();
  const created = daysAgo(ageDays);
  const ended = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'].includes(status);
  const rank = ended ? 4 : { scheduled: 1, queued: 2, running: 3 }[status];
  await db.dataSource.query(
    `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, created_at, completed_at, updated_at)
     VALUES ($1::uuid, 'examples.HelloWorld', $2, $3, 'run-' || $1::text, $4, $5, $4)`,
    [id, status, rank, created, ended ? new Date(created.getTime() + 60_000) : null],
  );
  for (let line = 1; line <= lines; line++) {
    await db.dataSource.query(
      `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, attempt, logged_at) VALUES ($1, $2, $3, 'info', 'run', 'line', 1, $4)`,
      [`${id}:run:1:log:${line}`, id, line, created],
    );
  }
  return id;
}

async function audit(ageDays: number): Promise<string> {
  const id = randomUUID();
  await db.dataSource.query(
    `INSERT INTO audit_entries (event_id, occurred_at, actor, action, target_type, target_id, summary) VALUES ($1, $2, 'ann', 'run.requested', 'run', 'x', 'ran')`,
    [id, daysAgo(ageDays)],
  );
  return id;
}

async function appliedEvent(ageDays: number): Promise<string> {
  const id = randomUUID();
  await db.dataSource.query(`INSERT INTO applied_events (event_id, stream, stream_sequence, applied_at) VALUES ($1, 'YARD_RUNS', 1, $2)`, [id, daysAgo(ageDays)]);
  return id;
}

async function ids(sql: string): Promise<string[]> {
  return ((await db.dataSource.query(sql)) as Array<{ id: string }>).map((row) => row.id).sort();
}

/** Prunes as the job does: batch after batch until one comes back short. */
async function pruneAll(policy: { runDays: number; auditDays: number }, batchSize: number): Promise<{ totals: Omit<ReadModelPrune, 'done'>; batches: number }> {
  const cutoffs = retentionCutoffs(policy, new Date());
  const totals = { runs: 0, logEntries: 0, auditEntries: 0, appliedEvents: 0 };
  let batches = 0;
  for (;;) {
    const { done, ...counts } = await pruneReadModels(db.dataSource, cutoffs, batchSize);
    batches++;
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += counts[key];
    if (done) return { totals, batches };
  }
}

it('deletes ended runs past retention with their log entries, and keeps recent and unfinished ones', async () => {
  const oldCompleted = await run('completed', 120);
  const oldFailed = await run('failed', 91);
  const oldCancelled = await run('cancelled', 400, 0);
  const oldRunning = await run('running', 200);
  const oldQueued = await run('queued', 150);
  const oldScheduled = await run('scheduled', 100);
  const recent = await run('completed', 10);

  const { totals, batches } = await pruneAll({ runDays: 90, auditDays: 90 }, 1);

  expect(totals).toEqual({ runs: 3, logEntries: 6, auditEntries: 0, appliedEvents: 0 });
  expect(batches).toBe(4);
  const left = await ids('SELECT id FROM job_runs');
  expect(left).toEqual([oldRunning, oldQueued, oldScheduled, recent].sort());
  for (const pruned of [oldCompleted, oldFailed, oldCancelled]) expect(left).not.toContain(pruned);
  expect(await ids('SELECT DISTINCT run_id AS id FROM job_log_entries')).toEqual([oldRunning, oldQueued, oldScheduled, recent].sort());
});

it('deletes audit entries and applied-event records past retention, in batches', async () => {
  const keptAudit = await audit(30);
  for (let index = 0; index < 5; index++) await audit(100);
  const keptApplied = await appliedEvent(5);
  for (let index = 0; index < 3; index++) await appliedEvent(95);

  const { totals } = await pruneAll({ runDays: 90, auditDays: 90 }, 2);

  expect(totals).toEqual({ runs: 0, logEntries: 0, auditEntries: 5, appliedEvents: 3 });
  expect(await ids('SELECT event_id AS id FROM audit_entries')).toEqual([keptAudit]);
  expect(await ids('SELECT event_id AS id FROM applied_events')).toEqual([keptApplied]);
});

it('keeps everything a retention of 0 days keeps for ever', async () => {
  const oldRun = await run('completed', 1000);
  const oldAudit = await audit(1000);
  const oldApplied = await appliedEvent(1000);

  const { totals } = await pruneAll({ runDays: 0, auditDays: 0 }, 10);

  expect(totals).toEqual({ runs: 0, logEntries: 0, auditEntries: 0, appliedEvents: 0 });
  expect(await ids('SELECT id FROM job_runs')).toEqual([oldRun]);
  expect(await ids('SELECT event_id AS id FROM audit_entries')).toEqual([oldAudit]);
  expect(await ids('SELECT event_id AS id FROM applied_events')).toEqual([oldApplied]);
});

it('prunes a run with more log entries than one delete takes', async () => {
  const big = await run('completed', 100, 0);
  await db.dataSource.query(
    `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, attempt, logged_at)
     SELECT $1::text || ':log:' || n, $1::uuid, n, 'info', 'run', 'line', 1, now() FROM generate_series(1, 25000) AS n`,
    [big],
  );

  const { totals } = await pruneAll({ runDays: 90, auditDays: 90 }, 100);

  expect(totals).toMatchObject({ runs: 1, logEntries: 25_000 });
  expect(await ids('SELECT id FROM job_log_entries')).toEqual([]);
});

it("deletes a pruned plan run's facts report with its entries, and keeps a recent run's", async () => {
  const oldPlanRun = await run('completed', 120, 0);
  const recentPlanRun = await run('completed', 10, 0);
  for (const runId of [oldPlanRun, recentPlanRun]) {
    await db.dataSource.query(
      `INSERT INTO facts_reports (id, run_id, plan_id, plan_name, detect_only, status, opened_at, updated_at) VALUES ($1, $1, 'p', 'Plan', true, 'pending', now(), now())`,
      [runId],
    );
    await db.dataSource.query(
      `INSERT INTO facts_report_entries (report_id, id, collector_type, device_id, device_name, object_type, key, action)
       SELECT $1, 'entry-' || n, 'interfaces', 'd', 'sw1', 'interface', 'Gi0/' || n, 'new' FROM generate_series(1, 12000) AS n`,
      [runId],
    );
  }

  await pruneAll({ runDays: 90, auditDays: 90 }, 10);

  expect(await ids('SELECT id FROM facts_reports')).toEqual([recentPlanRun]);
  expect(await ids('SELECT DISTINCT report_id AS id FROM facts_report_entries')).toEqual([recentPlanRun]);
});
