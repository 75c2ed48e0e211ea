import { Client, Connection } from '@temporalio/client';
import { testDependencies, waitFor, type ServiceProcess } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(60_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
const hasEnded = (run: any) => ENDED.includes(run.status);
/** A collector polls once it has said so for its task queue. */
const polls = (collector: ServiceProcess) => collector.logLines.some((line) => line.msg === 'Polling task queue');
const runsOnAWorker = (run: any) => run.status === 'running' && Boolean(run.steps?.run?.worker);

/**
 * How a run ends when its collector dies under it, when a cancel races its last step, and what the Temporal Web UI
 * shows for it. Three collectors serve the queues: two of them are killed on the way.
 */
describe('run endings that tell the truth', () => {
  let stack: YardmasterStack;
  let temporal: Client;

  beforeAll(async () => {
    stack = await YardmasterStack.start();
    stack.startCollector('collector-b');
    stack.startCollector('collector-c');
    await waitFor(async () => (polls(stack.service('collector:collector-c')) && polls(stack.service('collector:collector-b')) ? true : undefined), 30_000, 'three collectors');
    temporal = new Client({ connection: await Connection.connect({ address: testDependencies.temporalAddress }), namespace: testDependencies.temporalNamespace });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  /** Kills the collector that runs the run's step (unless already dead). */
  async function killWorkerOf(runId: string, killed: Set<string>): Promise<void> {
    const running = await stack.waitForRun(runId, runsOnAWorker, 'running on a worker');
    const worker: string = running.steps.run.worker;
    if (killed.has(worker)) return;
    killed.add(worker);
    await stack.service(worker === 'collector-b' || worker === 'collector-c' ? `collector:${worker}` : 'collector').kill();
  }

  it('ends a run whose collector has just died cancelled (by the one who asked) or timed_out, not errored', async () => {
    const toCancel = await stack.startRun('examples.SlowCount', { data: { seconds: 60 } });
    const toTimeOut = await stack.startRun('examples.SlowCount', { data: { seconds: 60 }, runTimeoutSeconds: 5 });
    const killed = new Set<string>();
    await killWorkerOf(toCancel, killed);
    await killWorkerOf(toTimeOut, killed);

    const cancel = await stack.post(`/api/runs/${toCancel}/cancel`, '');
    expect(cancel.status).toBe(202);

    // Waiting for the dead step instead would end both errored once its heartbeat timed out (10 s).
    expect(await stack.waitForRun(toCancel, hasEnded, 'to end', 20_000)).toMatchObject({ status: 'cancelled', cancelledBy: 'admin' });
    expect(await stack.waitForRun(toTimeOut, hasEnded, 'to end', 20_000)).toMatchObject({ status: 'timed_out', error: { type: 'RunTimeout' } });
  });

  it('answers a cancel that races the last step either 202, and the run ends cancelled, or 409, never 202 and then completed', async () => {
    const answers: string[] = [];
    for (const delayMs of [700, 850, 950, 1050, 1150, 1300]) {
      const runId = await stack.startRun('examples.SlowCount', { data: { seconds: 1 } });
      await stack.waitForRun(runId, runsOnAWorker, 'running');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const cancel = await stack.post(`/api/runs/${runId}/cancel`, '');
      const run = await stack.waitForRun(runId, hasEnded, 'to end');
      answers.push(`${cancel.status} ${cancel.body.code ?? cancel.body.confirmed} ${run.status}`);
      if (cancel.status === 202) {
        expect({ confirmed: cancel.body.confirmed, status: run.status }).toEqual({ confirmed: true, status: 'cancelled' });
      } else {
        expect(cancel.status).toBe(409);
        expect(['RUN_ALREADY_FINISHING', 'RUN_ALREADY_FINISHED']).toContain(cancel.body.code);
        expect(run.status).toBe('completed');
      }
    }
    // Printed so a reader sees which way each race went.
    console.log(`cancel races: ${answers.join('; ')}`);
  });

  it('fails the workflow of a failed run in Temporal, while the API still shows its result', async () => {
    const runId = await stack.startRun('examples.FailOnPurpose', { data: { outcome: 'fail' } });
    const run = await stack.waitForRun(runId, hasEnded, 'to end');
    expect(run).toMatchObject({ status: 'failed', result: { outcome: 'fail' } });

    const description = await waitFor(async () => {
      const described = await temporal.workflow.getHandle(run.workflowId).describe();
      return described.status.name === 'RUNNING' ? undefined : described;
    }, 10_000, 'the workflow to close');
    expect(description.status.name).toBe('FAILED');
    const failure = await temporal.workflow.getHandle(run.workflowId).result().then(() => null, (caught: any) => caught.cause);
    expect(failure).toMatchObject({ type: 'RunFailed', nonRetryable: true });
    expect(failure.details[0]).toMatchObject({ status: 'failed', result: { outcome: 'fail' }, failureCount: 1 });
  });
});
