import { Client, Connection } from '@temporalio/client';
import { workflowIdForRun } from '@yardmaster/contracts';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(240_000);

// Far more waiting runs than the collector's 20 step slots: before, 20 of them alone filled every slot.
const SWEEPS = 200;
const HELLOS = 3;

/** Runs `task` over `items`, `width` at a time: 200 requests without opening 200 connections at once. */
async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) results.push(...(await Promise.all(items.slice(start, start + width).map(task))));
  return results;
}

describe('runs waiting for a concurrency slot cost no worker capacity', () => {
  let stack: YardmasterStack;
  let temporal: Client;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    temporal = new Client({ connection: await Connection.connect({ address: testDependencies.temporalAddress }), namespace: testDependencies.temporalNamespace });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  it('200 Config sweeps wait queued (two at a time may run) while Hello World runs complete on the same collector', async () => {
    // The shared stack's instance may hold sweeps of other files: this file counts what it adds.
    const total = async (status: string): Promise<number> => (await stack.getJson(`/api/runs?jobId=examples.ConfigSweep&status=${status}&limit=1`)).body.total;
    const queuedBefore = await total('queued');
    const cancelledBefore = await total('cancelled');
    // Two long sweeps take the job's two slots; the other 198 wait. One collector has 20 step slots: if a waiting
    // run held one, Hello World would find none free.
    const sweeps = await inBatches(Array.from({ length: SWEEPS }, (_, index) => index), 50, () => stack.startRun('examples.ConfigSweep', { data: { seconds: 600 } }));
    await waitFor(
      async () => ((await stack.getJson('/api/runs?jobId=examples.ConfigSweep&status=running&limit=5')).body.total === 2 ? true : undefined),
      20_000,
      'two sweeps running',
    );

    const hellos = await Promise.all(Array.from({ length: HELLOS }, (_, index) => stack.startRun('examples.HelloWorld', { data: { name: `h${index}` } })));
    const ended = await Promise.all(hellos.map((runId) => stack.waitForRunToEnd(runId, 45_000)));

    expect(ended.map((run) => run.status)).toEqual(['completed', 'completed', 'completed']);
    expect((await total('queued')) - queuedBefore).toBe(SWEEPS - 2);

    // Cancelled (in Temporal, the shortest way for many), the waiting runs leave the queue and end cancelled.
    await inBatches(sweeps, 50, (runId) => temporal.workflow.getHandle(workflowIdForRun(runId)).cancel());
    await waitFor(
      async () => ((await total('cancelled')) - cancelledBefore === SWEEPS ? true : undefined),
      // 200 runs ending at once is a burst of events for the projection: generous on a loaded machine.
      120_000,
      'every sweep cancelled',
      500,
    );
  });
});
