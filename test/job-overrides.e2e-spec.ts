import { waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

describe("an administrator's overrides of a job", () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    stack = await YardmasterStack.start({ YARD_RECONCILE_INTERVAL_SECONDS: '2' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const job = async (jobId: string) => (await stack.getJson(`/api/jobs/${jobId}`)).body;

  it('renames and regroups a job, and the override survives a reload of its code', async () => {
    const put = await stack.sendPut('/api/jobs/examples.HelloWorld/overrides', { name: 'Greeter', grouping: 'Demo' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Greeter', grouping: 'Demo', enabled: true });
    await waitFor(async () => ((await job('examples.HelloWorld')).name === 'Greeter' ? true : undefined), 10_000, 'the override in the read model');
    expect(await job('examples.HelloWorld')).toMatchObject({ name: 'Greeter', grouping: 'Demo', overrides: { name: 'Greeter', grouping: 'Demo' } });

    // A restarted collector announces the code again: the override stays.
    await stack.service('collector').stop();
    stack.startService('collector');
    await stack.waitUntilHealthy();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await job('examples.HelloWorld')).toMatchObject({ name: 'Greeter', installed: true });

    const runId = await stack.startRun('examples.HelloWorld', { data: { name: 'o' } });
    expect((await stack.waitForRun(runId, (run) => ENDED.includes(run.status), 'to end')).jobName).toBe('Greeter');

    const cleared = await stack.sendDelete('/api/jobs/examples.HelloWorld/overrides');
    expect(cleared.body).toMatchObject({ name: 'Hello World', grouping: 'Examples' });
    await waitFor(async () => ((await job('examples.HelloWorld')).name === 'Hello World' ? true : undefined), 10_000, 'the cleared override');
  });

  it('disables a job: runs are refused and its schedules pause with the reason; enabling lets it run again', async () => {
    const schedule = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.InterfaceAudit', intervalMinutes: 30 }));
    expect(schedule.status).toBe(201);
    expect((await stack.sendPut('/api/jobs/examples.InterfaceAudit/overrides', { enabled: false })).status).toBe(200);

    const refused = await stack.post('/api/jobs/examples.InterfaceAudit/runs', '{}');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('JOB_DISABLED');
    await waitFor(async () => ((await job('examples.InterfaceAudit')).enabled === false ? true : undefined), 10_000, 'disabled in the read model');
    const paused = await waitFor(async () => {
      const { body } = await stack.getJson(`/api/schedules/${schedule.body.id}`);
      return body.state === 'paused' ? body : undefined;
    }, 30_000, 'the schedule to pause');
    expect(paused.pausedReason).toBe('job examples.InterfaceAudit is disabled');

    await stack.sendPut('/api/jobs/examples.InterfaceAudit/overrides', { enabled: true });
    const runId = await stack.startRun('examples.InterfaceAudit');
    expect((await stack.waitForRun(runId, (run) => ENDED.includes(run.status), 'to end')).status).toBe('completed');
  });

  it('overrides timeouts, concurrency and the default queue, which the next runs obey', async () => {
    await stack.sendPut('/api/jobs/examples.SlowCount/overrides', { timeouts: { runTimeoutSeconds: 1 }, concurrency: { mode: 'singleton', keyVariables: [] }, queue: 'low' });
    const first = await stack.post('/api/jobs/examples.SlowCount/runs', JSON.stringify({ data: { seconds: 5 } }));
    expect(first.body).toMatchObject({ queue: 'low', runTimeoutSeconds: 1 });
    const second = await stack.post('/api/jobs/examples.SlowCount/runs', JSON.stringify({ data: { seconds: 5 } }));
    expect(second.status).toBe(409);
    expect(second.body.details.blockingRunId).toBe(first.body.runId);
    expect((await stack.waitForRun(first.body.runId, (run) => ENDED.includes(run.status), 'to end')).status).toBe('timed_out');
    await stack.sendDelete('/api/jobs/examples.SlowCount/overrides');
  });

  it('refuses bad overrides with one error per field, and unknown jobs', async () => {
    const bad = await stack.sendPut('/api/jobs/examples.HelloWorld/overrides', { queue: 'express', colour: 'red', timeouts: { runTimeoutSeconds: 0 }, concurrency: { mode: 'limit', maxRuns: 0, keyVariables: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual(
      ['colour', 'concurrency.keyVariables', 'concurrency.maxRuns', 'queue', 'timeouts.runTimeoutSeconds'].sort(),
    );
    expect((await stack.sendPut('/api/jobs/examples.Nope/overrides', { name: 'x' })).status).toBe(404);
  });
});
