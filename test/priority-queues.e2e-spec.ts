import { waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];
const stepStart = (run: any): number => Date.parse(run.steps.run.startedAt);

describe('priority queues', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    // One collector that runs one step at a time: a saturated worker, so the queue order shows.
    stack = await YardmasterStack.start({ YARD_COLLECTOR_MAX_CONCURRENT_STEPS: '1', YARD_CUSTOM_QUEUES: 'lab' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('starts a high run submitted last before any remaining low run', async () => {
    const lowIds: string[] = [];
    for (let index = 0; index < 20; index++) lowIds.push(await stack.startRun('examples.SlowCount', { data: { seconds: 1 }, queue: 'low' }));
    // Wait until the worker is busy with some low run (which one comes first is Temporal's choice).
    await waitFor(
      async () => {
        const runs = await Promise.all(lowIds.map(async (runId) => (await stack.getJson(`/api/runs/${runId}`)).body));
        return runs.some((run) => run.steps?.run) ? true : undefined;
      },
      30_000,
      'a low run to start its step',
    );

    const highSubmittedAt = Date.now();
    const highId = await stack.startRun('examples.SlowCount', { data: { seconds: 1 }, queue: 'high' });
    const high = await stack.waitForRun(highId, (run) => ENDED.includes(run.status), 'the high run to end', 60_000);
    expect(high).toMatchObject({ status: 'completed', queue: 'high' });

    const lows = await Promise.all(lowIds.map((runId) => stack.waitForRun(runId, (run) => ENDED.includes(run.status), 'to end', 120_000)));
    expect(lows.every((run) => run.status === 'completed')).toBe(true);
    // Low runs that had not started their step when the high run arrived all started after it, except at most
    // the one a worker slot had already been handed when the high run was submitted.
    const remaining = lows.filter((run) => stepStart(run) > highSubmittedAt);
    expect(remaining.length).toBeGreaterThan(10);
    const overtaking = remaining.filter((run) => stepStart(run) < stepStart(high));
    expect(overtaking.length).toBeLessThanOrEqual(1);
  });

  it('refuses a queue that is neither a priority nor a configured custom queue', async () => {
    const response = await stack.post('/api/jobs/examples.HelloWorld/runs', JSON.stringify({ data: { name: 'q' }, queue: 'express' }));
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors).toEqual([{ field: 'queue', message: 'must be one of high, default, low, lab' }]);
  });
});
