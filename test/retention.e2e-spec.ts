import { randomUUID } from 'node:crypto';
import { waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(5 * 60_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention end to end: the scheduler installs the daily `system.PruneData` schedule once the job is in the
 * catalog, and a prune is a run like any other (listed, logged, with its counts as result) that deletes ended runs
 * past retention with their logs, and keeps recent and unfinished ones.
 */
describe('retention', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    stack = await YardmasterStack.start({
      YARD_PRUNE_SCHEDULE: '30 3 * * *',
      YARD_RUN_RETENTION_DAYS: '30',
      YARD_AUDIT_RETENTION_DAYS: '30',
      // The old "running" run below has no workflow: the reconciler would rightly end it, so it stays out of the way.
      YARD_RECONCILE_INTERVAL_SECONDS: '3600',
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A run as the projection would have left it `ageDays` ago, with three log entries. */
  async function pastRun(status: 'completed' | 'running', ageDays: number): Promise<string> {
    const id = randomUUID();
    const created = new Date(Date.now() - ageDays * DAY_MS);
    await stack.database.dataSource.query(
      `INSERT INTO job_runs (id, job_id, status, status_rank, workflow_id, requested_by, created_at, completed_at, updated_at)
       VALUES ($1::uuid, 'examples.HelloWorld', $2, $3, 'run-' || $1::text, 'admin', $4, $5, $4)`,
      [id, status, status === 'running' ? 3 : 4, created, status === 'running' ? null : created],
    );
    await stack.database.dataSource.query(
      `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, attempt, logged_at)
       SELECT $1::text || ':log:' || n, $1::uuid, n, 'info', 'run', 'old line', 1, $2 FROM generate_series(1, 3) AS n`,
      [id, created],
    );
    return id;
  }

  it('installs the daily schedule and prunes through a run that lists what it deleted', async () => {
    const schedule = await waitFor(
      async () => (await stack.getJson('/api/schedules?jobId=system.PruneData')).body.items[0],
      90_000,
      'the pruning schedule',
    );
    expect(schedule).toMatchObject({ key: 'system.PruneData', jobId: 'system.PruneData', state: 'active', timing: { cron: '30 3 * * *', timezone: 'UTC' } });

    const recentId = await stack.startRun('examples.HelloWorld', { data: { name: 'recent' } });
    await stack.waitForRun(recentId, (run) => ENDED.includes(run.status), 'the recent run to end');
    const oldEnded = await pastRun('completed', 100);
    const oldRunning = await pastRun('running', 100);

    expect((await stack.post(`/api/schedules/${schedule.id}/trigger`, '')).status).toBe(202);
    const prune = await waitFor(
      async () => (await stack.getJson('/api/runs?jobId=system.PruneData')).body.items[0],
      60_000,
      'the pruning run in /api/runs',
    );
    expect(prune).toMatchObject({ jobId: 'system.PruneData', requestedBy: `schedule:${schedule.id}` });
    const ended = await stack.waitForRun(prune.id, (run) => ENDED.includes(run.status), 'the pruning run to end', 120_000);
    expect(ended).toMatchObject({ status: 'completed', result: { runs: 1, logEntries: 3 } });

    const lines = (await stack.getJson(`/api/runs/${prune.id}/logs?limit=100`)).body.items.map((entry: { message: string }) => entry.message);
    expect(lines[0]).toMatch(/^Pruning runs ended before \d{4}-\d\d-\d\dT.*; audit entries before /);
    expect(lines).toContainEqual(expect.stringMatching(/^Stream [A-Z0-9]+_RUNS: 0 events purged \(nothing old enough\)$/));
    expect(lines.at(-1)).toMatch(/^Pruned 1 runs, 3 log entries, \d+ audit entries, \d+ applied-event records and 0 stream events$/);

    expect((await stack.getJson(`/api/runs/${oldEnded}`)).status).toBe(404);
    expect((await stack.getJson(`/api/runs/${oldRunning}`)).body.status).toBe('running');
    expect((await stack.getJson(`/api/runs/${oldRunning}/logs`)).body.total).toBe(3);
    expect((await stack.getJson(`/api/runs/${recentId}`)).body.status).toBe('completed');
  });
});
