/**
 * Temporal down under a running stack: a run request fails fast (well within the API's command timeout) with 503
 * naming Temporal by address and saying the run was not started, and that stays true: no run starts once Temporal
 * is back. A retry with the same Idempotency-Key after recovery makes exactly one run. The stack runs on a Temporal
 * server of the test's own, which the test kills and starts again.
 */
import { Client, Connection } from '@temporalio/client';
import { RUN_WORKFLOW_TYPE } from '@yardmaster/contracts';
import { OwnTemporalServer, waitFor } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const JOB = 'examples.HelloWorld';

describe('Temporal down', () => {
  let temporal: OwnTemporalServer;
  let stack: YardmasterStack;

  beforeAll(async () => {
    temporal = await OwnTemporalServer.start();
    stack = await YardmasterStack.start({ YARD_TEMPORAL_CALL_TIMEOUT_MS: '2000' }, { temporalAddress: temporal.address });
  });

  afterAll(async () => {
    await stack?.stop();
    await temporal?.dispose();
  });

  async function start(key: string | null): Promise<{ status: number; retryAfter: string | null; body: any }> {
    const headers = stack.admin.headers({ 'content-type': 'application/json', ...(key === null ? {} : { 'idempotency-key': key }) });
    const response = await fetch(`${stack.apiUrl}/api/jobs/${JOB}/runs`, { method: 'POST', headers, body: JSON.stringify({ data: { name: 'outage', count: 1 } }) });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  }

  async function runWorkflowIds(): Promise<string[]> {
    const connection = await Connection.connect({ address: temporal.address });
    try {
      const client = new Client({ connection, namespace: 'default' });
      const ids: string[] = [];
      for await (const workflow of client.workflow.list({ query: `WorkflowType = '${RUN_WORKFLOW_TYPE}'` })) ids.push(workflow.workflowId);
      return ids;
    } finally {
      await connection.close();
    }
  }

  it('answers 503 naming Temporal, starts nothing later, and a keyed retry after recovery makes one run', async () => {
    const key = randomUUID();
    await temporal.kill();

    const keyed = start(key);
    // The first request with the key is still waiting for Temporal: the same key meanwhile is "in use".
    await new Promise((resolve) => setTimeout(resolve, 500));
    const meanwhile = await start(key);
    expect([meanwhile.status, meanwhile.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE']);

    for (const answer of [await keyed, await start(null)]) {
      expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(answer.body.message).toContain(`Temporal at ${temporal.address}`);
      expect(answer.body.details).toEqual({ dependency: 'temporal', address: temporal.address, started: false, retryAfterSeconds: 5 });
      expect(answer.retryAfter).toBe('5');
    }

    const health = await fetch(`${stack.apiUrl}/api/health`);
    const { checks } = (await health.json()) as { checks: Record<string, { status: string; address?: string; since?: string }> };
    expect(health.status).toBe(503);
    expect(checks['scheduler']).toEqual({ status: 'ok' });
    expect(checks['temporal']).toMatchObject({ status: 'down', address: temporal.address, since: expect.any(String) });

    await temporal.start();
    const retried = await waitFor(async () => {
      const answer = await start(key);
      return answer.status === 202 ? answer : undefined;
    }, 60_000, 'the keyed retry to be accepted', 500);
    await stack.waitForRunToEnd(retried.body.runId, 30_000);

    expect(await runWorkflowIds()).toEqual([`run-${retried.body.runId}`]);
    const runs = await stack.getJson(`/api/runs?jobId=${JOB}`);
    expect(runs.body.items.map((run: { id: string }) => run.id)).toEqual([retried.body.runId]);
  });

  /** The 503 every scheduler command answers while Temporal is down: naming it, saying what became of the command. */
  function expectTemporalRefusal(answer: { status: number; headers: Headers; body: any }, applied: false | 'unknown'): void {
    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer.body.message).toContain(`Temporal at ${temporal.address} cannot be reached`);
    expect(answer.body.details).toEqual({ dependency: 'temporal', address: temporal.address, applied, retryAfterSeconds: 5 });
    expect(answer.headers.get('retry-after')).toBe('5');
  }

  it('answers a cancel and a schedule creation with 503 naming Temporal, saying whether they took effect; both work once it is back', async () => {
    // Up, whatever became of the test before.
    if (!temporal.isRunning) await temporal.start();
    const runId = await waitFor(() => stack.startRun('examples.SlowCount', { data: { seconds: 600 } }).catch(() => undefined), 60_000, 'a run to start', 500);
    await stack.waitForRun(runId, (run) => run.status === 'running', 'to run', 30_000);
    const schedule = JSON.stringify({ jobId: JOB, key: `outage-${randomUUID()}`, data: { name: 'outage' }, intervalMinutes: 60 });
    await temporal.kill();

    // The run's state is read before anything is asked of it: that read fails, so certainly nothing changed.
    const cancel = await stack.post(`/api/runs/${runId}/cancel`, '{}');
    expectTemporalRefusal(cancel, false);
    expect(cancel.body.message).toContain(`cancelling run ${runId} failed. Nothing was changed.`);
    // Creating is the first call: it may have reached Temporal. The same request again is safe (same key).
    const created = await stack.post('/api/schedules', schedule);
    expectTemporalRefusal(created, 'unknown');

    await temporal.start();
    const cancelled = await waitFor(async () => {
      const answer = await stack.post(`/api/runs/${runId}/cancel`, '{}');
      return answer.status === 503 ? undefined : answer;
    }, 60_000, 'the cancel to be answered', 500);
    expect(cancelled.status).toBe(202);
    expect((await stack.waitForRunToEnd(runId, 30_000)).status).toBe('cancelled');

    const again = await stack.post('/api/schedules', schedule);
    expect([200, 201]).toContain(again.status);
    const key = JSON.parse(schedule).key as string;
    // The list is the read model's: the projection stores the schedule a moment after the scheduler answers.
    const listed = await waitFor(
      async () => {
        const items = (await stack.getJson(`/api/schedules?jobId=${JOB}&limit=100`)).body.items.filter((item: { key: string }) => item.key === key);
        return items.length > 0 ? items : undefined;
      },
      30_000,
      'the schedule in the read model',
      300,
    );
    expect(listed).toHaveLength(1);
    expect((await stack.sendDelete(`/api/schedules/${again.body.id}`)).status).toBeLessThan(300);
  });
});
