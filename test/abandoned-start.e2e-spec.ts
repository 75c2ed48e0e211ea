/**
 * A start that reached Temporal while its answer did not come back in time: the client is told 503 "not started",
 * and that stays true although the workflow exists. The scheduler reaches Temporal through a proxy that holds back
 * Temporal's answers, so the start request arrives and the workflow is created, but the scheduler gives up after
 * YARD_TEMPORAL_CALL_TIMEOUT_MS (3 s here). Once the answers flow again, a collector is handed the workflow: its first activity
 * finds the run claimed `abandoned` (or the scheduler's sweep terminates it first) and no job code runs, no event is
 * published. A retry with the same Idempotency-Key then makes the run, once. And when a collector that reaches Temporal
 * directly runs the workflow before the scheduler gives up, the run did start: the client is told 202 after all.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { RUN_WORKFLOW_TYPE } from '@yardmaster/contracts';
import { OwnTemporalServer, waitFor } from '@yardmaster/testing';
import { HeldAnswersProxy } from './support/held-answers-proxy';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const JOB = 'examples.HelloWorld';

describe('a start answered 503 that reached Temporal anyway', () => {
  let temporal: OwnTemporalServer;
  let proxy: HeldAnswersProxy;
  let stack: YardmasterStack;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    temporal = await OwnTemporalServer.start();
    proxy = await HeldAnswersProxy.start(temporal.address);
    stack = await YardmasterStack.start({ YARD_TEMPORAL_CALL_TIMEOUT_MS: '3000' }, { temporalAddress: proxy.address });
    // The test's own look at Temporal goes around the proxy.
    connection = await Connection.connect({ address: temporal.address });
    client = new Client({ connection, namespace: 'default' });
  });

  afterAll(async () => {
    proxy?.release();
    await stack?.stop();
    await connection?.close();
    await proxy?.stop();
    await temporal?.dispose();
  });

  async function start(key: string): Promise<{ status: number; body: any }> {
    const headers = stack.admin.headers({ 'content-type': 'application/json', 'idempotency-key': key });
    const response = await fetch(`${stack.apiUrl}/api/jobs/${JOB}/runs`, { method: 'POST', headers, body: JSON.stringify({ data: { name: 'held', count: 1 } }) });
    return { status: response.status, body: await response.json() };
  }

  async function runExecutions(): Promise<Array<{ workflowId: string; status: string }>> {
    const executions: Array<{ workflowId: string; status: string }> = [];
    for await (const workflow of client.workflow.list({ query: `WorkflowType = '${RUN_WORKFLOW_TYPE}'` })) executions.push({ workflowId: workflow.workflowId, status: workflow.status.name });
    return executions;
  }

  it('runs none of it, publishes nothing, and a keyed retry makes the run once', async () => {
    const key = randomUUID();
    proxy.hold();
    const refused = await start(key);
    expect([refused.status, refused.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(refused.body.details).toMatchObject({ dependency: 'temporal', started: false });

    // The request did reach Temporal: its workflow exists, and ends without running once a collector is handed it.
    const [straggler] = await waitFor(async () => {
      const executions = await runExecutions();
      return executions.length === 1 ? executions : undefined;
    }, 30_000, 'the straggling start to show in Temporal', 300);
    proxy.release();
    const ended = await waitFor(async () => {
      const description = await client.workflow.getHandle(straggler.workflowId).describe();
      return description.status.name === 'RUNNING' ? undefined : description.status.name;
    }, 30_000, 'the straggler to end', 300);
    expect(['FAILED', 'TERMINATED']).toContain(ended);
    const runId = straggler.workflowId.replace(/^run-/, '');
    // Nothing of it in the read model: no run.requested, no run.started, no log (the projection is kept up with below).
    const unrelated = await stack.startRun(JOB, { data: { name: 'after', count: 1 } });
    await stack.waitForRunToEnd(unrelated, 30_000);
    expect((await stack.getJson(`/api/runs/${runId}`)).status).toBe(404);

    const retried = await start(key);
    expect(retried.status).toBe(202);
    expect(retried.body.runId).toBe(runId);
    expect((await stack.waitForRunToEnd(runId, 30_000)).status).toBe('completed');
    const logs = await stack.getJson(`/api/runs/${runId}/logs`);
    expect(logs.body.items.filter((entry: { message: string }) => entry.message.startsWith('Hello'))).toHaveLength(1);
    // Two executions under the run's id: the straggler that ran nothing, and the run.
    const executions = (await runExecutions()).filter((execution) => execution.workflowId === straggler.workflowId);
    expect(executions.map((execution) => execution.status).sort()).toEqual(['COMPLETED', ended].sort());
  });

  it('answers 202 after all when a collector claimed the run first: it did start, and it runs once', async () => {
    // A collector that reaches Temporal directly is handed the workflow while the scheduler still waits for its answer.
    await stack.service('collector').stop();
    stack.startCollector('direct', { TEMPORAL_ADDRESS: temporal.address });
    await waitFor(async () => ((await fetch(`${stack.apiUrl}/api/health`)).status === 200 ? true : undefined), 60_000, 'the direct collector', 300);
    proxy.hold();
    const answer = start(randomUUID());
    // The run starts and ends while Temporal's answers to the scheduler are held back.
    await waitFor(async () => {
      for await (const workflow of client.workflow.list({ query: `WorkflowType = '${RUN_WORKFLOW_TYPE}' AND ExecutionStatus = 'Completed'` })) {
        if (!(await stack.getJson(`/api/runs/${workflow.workflowId.replace(/^run-/, '')}`)).body.requestedBy) return true;
      }
      return undefined;
    }, 30_000, 'the run to complete before its start is answered', 200);
    proxy.release();
    const accepted = await answer;
    expect(accepted.status).toBe(202);
    // Its run.requested goes out after its end here: the scheduler publishes it once it knows the run started.
    const run = await stack.waitForRun(accepted.body.runId, (seen: { requestedBy: string | null }) => seen.requestedBy !== null, 'its request', 30_000);
    expect(run).toMatchObject({ status: 'completed', requestedBy: 'admin' });
    const logs = await stack.getJson(`/api/runs/${accepted.body.runId}/logs`);
    expect(logs.body.items.filter((entry: { message: string }) => entry.message.startsWith('Hello'))).toHaveLength(1);
  });
});
