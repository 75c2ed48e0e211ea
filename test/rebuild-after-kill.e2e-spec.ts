/**
 * Issue 15's promise on the whole stack: kill the projection (SIGKILL), drop every read model table, rebuild them
 * from the streams with `npm run projection -- rebuild --swap`, and find them as they were; the projection, started
 * again on the rebuilt tables, goes on applying. The history holds runs of every ending (completed, failed, errored,
 * timed out, cancelled) and one retried, a schedule created and paused, a job override, identity changes, and a facts
 * report with an applied and a skipped entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventEnvelope } from '@yardmaster/contracts';
import { connectNats, EventPublisher } from '@yardmaster/messaging';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { projectionCli } from './support/projection-cli';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

/** The read model tables, each with the columns a rebuild cannot reproduce (when the projection applied an event). */
const TABLES: Record<string, readonly string[]> = {
  job_runs: ['updated_at'],
  job_run_counts: [],
  job_log_entries: [],
  schedules: [],
  job_definitions: ['created_at'],
  audit_entries: ['recorded_at'],
  facts_reports: [],
  facts_report_entries: [],
};
const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

const RECORDED_INSTANCE = 'evrec';
/** The facts events of the stream version 1 recorded (libs/contracts/src/event-contract/recorded/): one report. */
const RECORDED_FACTS: Array<{ subject: string; event: EventEnvelope }> = readFileSync(join(__dirname, '../libs/contracts/src/event-contract/recorded/events-v1.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { stream: string; subject: string; event: EventEnvelope })
  .filter(({ stream }) => stream === 'facts');

describe('the projection killed and its tables dropped: rebuilt from the streams, identical', () => {
  let stack: YardmasterStack;

  const snapshot = async (): Promise<Record<string, string[]>> => {
    const tables: Record<string, string[]> = {};
    for (const [table, skipped] of Object.entries(TABLES)) {
      const rows: Array<Record<string, unknown>> = await stack.database.dataSource.query(`SELECT * FROM ${table}`);
      tables[table] = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !skipped.includes(column))))).sort();
    }
    return tables;
  };

  beforeAll(async () => {
    stack = await YardmasterStack.start();
  });

  afterAll(() => stack?.stop());

  it('restores every table, and the projection carries on from them', async () => {
    const completed = await stack.startRun('examples.HelloWorld', { data: { name: 'before', count: 3 } });
    const failed = await stack.startRun('examples.FailOnPurpose', { data: { outcome: 'fail' } });
    const errored = await stack.startRun('examples.FailOnPurpose', { data: { outcome: 'error' } });
    const timedOut = await stack.startRun('examples.SlowCount', { data: { seconds: 30 }, runTimeoutSeconds: 2 });
    // Fails its first attempt with an infrastructure fault: retried, it completes on the second.
    const retried = await stack.startRun('examples.FlakyDevice', { data: { failures: 1 } });
    const cancelled = await stack.startRun('examples.SlowCount', { data: { seconds: 30 } });
    await stack.waitForRun(cancelled, (run) => run.status === 'running', 'running');
    expect((await stack.post(`/api/runs/${cancelled}/cancel`, '')).status).toBe(202);
    const endings = [completed, failed, errored, timedOut, retried, cancelled];
    for (const runId of endings) await stack.waitForRun(runId, (run) => ENDED.includes(run.status), 'to end', 30_000);
    const statuses = await Promise.all(endings.map(async (runId) => (await stack.getJson(`/api/runs/${runId}`)).body.status));
    expect(statuses).toEqual(['completed', 'failed', 'errored', 'timed_out', 'completed', 'cancelled']);
    expect((await stack.getJson(`/api/runs/${retried}`)).body).toMatchObject({ status: 'completed', attempt: 2 });
    const schedule = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: 'rebuild-e2e', data: { name: 'x' }, cron: '0 3 1 1 *' }));
    expect(schedule.status).toBe(201);
    expect((await stack.post(`/api/schedules/${schedule.body.id}/pause`, JSON.stringify({ reason: 'maintenance' }))).status).toBe(200);
    expect((await stack.sendPut('/api/jobs/examples.InterfaceAudit/overrides', { description: 'Rebuilt' })).status).toBe(200);
    await stack.createUser('rebuild-ann', ['runs.view_own']);
    // A facts report with an applied and a skipped entry, as version 1 recorded one (its plan run needs SNMP agents).
    const nc = await connectNats(testDependencies.natsUrl, `rebuild-e2e-${stack.instance}`);
    const publisher = new EventPublisher(nc);
    for (const { subject, event } of RECORDED_FACTS) await publisher.publish(subject.replace(`${RECORDED_INSTANCE}.`, `${stack.instance}.`), event);
    await nc.drain();
    await waitFor(async () => {
      const rows: Array<{ resolved: number }> = await stack.database.dataSource.query(`SELECT count(*)::int AS resolved FROM facts_report_entries WHERE status IN ('applied', 'skipped')`);
      return rows[0].resolved === 2 ? true : undefined;
    }, 30_000, 'the recorded facts report applied');
    // Everything applied and audited: the override and the user's audit entries are the last to land.
    await waitFor(async () => {
      const audit = await stack.getJson('/api/audit?limit=100');
      const actions = new Set(audit.body.items.map((entry: { action: string }) => entry.action));
      return actions.has('catalog.job_overridden') && actions.has('identity.permissions_replaced') && actions.has('schedule.paused') ? true : undefined;
    }, 30_000, 'every action audited');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await snapshot();
    expect(before.job_runs).toHaveLength(6);
    expect(before.facts_reports).toHaveLength(1);
    expect(before.facts_report_entries.filter((row) => /"status":"(applied|skipped)"/.test(row))).toHaveLength(2);
    expect(before.job_log_entries.length).toBeGreaterThan(3);

    await stack.service('projection').kill();
    await stack.database.dataSource.query(`DROP TABLE ${Object.keys(TABLES).join(', ')}, applied_events CASCADE`);
    const rebuilt = await projectionCli(stack, ['rebuild', '--swap']);
    expect({ code: rebuilt.code, stderr: rebuilt.code === 0 ? '' : rebuilt.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rebuilt.stdout).toMatch(/^swapped in: \d+ events/m);

    const after = await snapshot();
    const isOwnEntry = (row: string) => (JSON.parse(row) as { action: string }).action === 'read_models.rebuilt';
    expect(after.audit_entries.filter(isOwnEntry)).toHaveLength(1);
    expect({ ...after, audit_entries: after.audit_entries.filter((row) => !isOwnEntry(row)) }).toEqual(before);

    stack.startService('projection');
    await stack.waitUntilHealthy();
    const later = await stack.startRun('examples.HelloWorld', { data: { name: 'after', count: 1 } });
    expect((await stack.waitForRun(later, (run) => ENDED.includes(run.status), 'to end', 30_000)).status).toBe('completed');
    const listed = await stack.getJson('/api/runs?jobId=examples.HelloWorld');
    expect(listed.body.total).toBe(2);
    expect((await stack.getJson(`/api/runs/${completed}`)).body).toMatchObject({ status: 'completed' });
  });
});
