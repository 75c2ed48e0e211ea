/**
 * What a keyed retry finds in Temporal after its first request was answered 503 and the start reached Temporal anyway,
 * against the real Temporal server (127.0.0.1:7233 unless TEMPORAL_ADDRESS). No worker polls the test's task queue:
 * the workflows stay as the test leaves them.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { RUN_WORKFLOW_TYPE } from '@yardmaster/contracts';
import { testDependencies } from '@yardmaster/testing-core';
import { ABANDONED_START_TERMINATION_REASON, endedWithoutRunning } from './ended-without-running';

jest.setTimeout(30_000);

let connection: Connection;
let client: Client;
const taskQueue = `ended-without-running-${randomUUID()}`;

beforeAll(async () => {
  connection = await Connection.connect({ address: testDependencies.temporalAddress });
  client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
});

afterAll(async () => {
  await connection?.close();
});

function startStraggler(workflowId: string) {
  return client.workflow.start(RUN_WORKFLOW_TYPE, { workflowId, taskQueue, args: [], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
}

describe('endedWithoutRunning against Temporal', () => {
  it('recognises a workflow the sweep terminated, and Temporal then lets the run start anew under its id', async () => {
    const workflowId = `run-${randomUUID()}`;
    const straggler = await startStraggler(workflowId);
    expect(await endedWithoutRunning(straggler)).toBe(false);
    await straggler.terminate(ABANDONED_START_TERMINATION_REASON);
    expect(await endedWithoutRunning(client.workflow.getHandle(workflowId))).toBe(true);

    // The same id again: refused as the run's own starts always are, accepted when a failed or terminated one may be followed.
    await expect(startStraggler(workflowId)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    const anew = await client.workflow.start(RUN_WORKFLOW_TYPE, { workflowId, taskQueue, args: [], workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' });
    expect((await anew.describe()).status.name).toBe('RUNNING');
    await anew.terminate('test over');
  });

  it('leaves a workflow an operator terminated as the answer', async () => {
    const straggler = await startStraggler(`run-${randomUUID()}`);
    await straggler.terminate('stuck, said ops');
    expect(await endedWithoutRunning(straggler)).toBe(false);
  });
});
