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
});
