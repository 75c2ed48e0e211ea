/**
 * NATS down under a running step: the collector holds the step's log and progress until NATS is back, so the
 * step finishes at its first attempt (the job's retries are not spent, its code does not run again) and each
 * log line is stored once, in order. The stack runs on a nats-server of the test's own, which the test kills
 * (as a crash) for about 5 s and starts again.
 */
import { OwnNatsServer } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const SECONDS = 10;
const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

describe('NATS down under a running step', () => {
  let server: OwnNatsServer;
  let stack: YardmasterStack;

  beforeAll(async () => {
    server = await OwnNatsServer.start();
    stack = await YardmasterStack.start({}, { natsUrl: server.url });
  });

  afterAll(async () => {
    if (server && !server.isRunning) await server.start();
    await stack?.stop();
    await server?.dispose();
  });

  it('completes the step at its first attempt and stores each log line once, in order', async () => {
    const runId = await stack.startRun('examples.SlowCount', { data: { seconds: SECONDS } });
    await stack.waitForRun(runId, (run) => run.status === 'running' && run.progress?.done >= 2, 'counting');

    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await server.start();

    const run = await stack.waitForRun(runId, (candidate) => ENDED.includes(candidate.status), 'to end', 45_000);
    expect(run).toMatchObject({ status: 'completed', result: { counted: SECONDS }, error: null });
    expect(run.steps.run.attempt).toBe(1);
    const logs = await stack.logsOf(runId);
    expect(logs.filter((entry) => entry.grouping === 'run').map((entry) => [entry.message, entry.attempt])).toEqual(
      Array.from({ length: SECONDS }, (_, index) => [`Counted ${index + 1} of ${SECONDS}`, 1]),
    );
  });
});
