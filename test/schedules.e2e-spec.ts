import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { catalogAnnouncedSchema, newEvent, streamNamesFor, subjectsFor, temporalScheduleIdFor, type CatalogAnnounced } from '@yardmaster/contracts';
import { connectNats, EventPublisher, readLastEvent } from '@yardmaster/messaging';
import { testDependencies, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(15 * 60_000);

const ENDED = ['completed', 'failed', 'errored', 'cancelled', 'timed_out'];

describe('schedules', () => {
  let stack: YardmasterStack;
  let temporal: Client;

  beforeAll(async () => {
    stack = await YardmasterStack.start({ YARD_RECONCILE_INTERVAL_SECONDS: '2' });
    temporal = new Client({ connection: await Connection.connect({ address: testDependencies.temporalAddress }), namespace: testDependencies.temporalNamespace });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  const runsOf = async (scheduleId: string): Promise<any[]> => (await stack.getJson(`/api/runs?scheduleId=${scheduleId}&limit=500`)).body.items;
  const temporalSchedulesOf = async (): Promise<string[]> => {
    const prefix = temporalScheduleIdFor(stack.instance, '');
    const ids: string[] = [];
    for await (const summary of temporal.schedule.list()) if (summary.scheduleId.startsWith(prefix)) ids.push(summary.scheduleId);
    return ids;
  };

  it('turns 10 concurrent creates with the same key into exactly one Temporal Schedule', async () => {
    const body = JSON.stringify({ jobId: 'examples.HelloWorld', key: 'greeter', data: { name: 'same' }, intervalMinutes: 60 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => stack.post('/api/schedules', body)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(9);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await temporalSchedulesOf()).filter((id) => id.endsWith(answers[0].body.id))).toHaveLength(1);

    // Same key, different spec: updated in place, still one schedule.
    const changed = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: 'greeter', data: { name: 'changed' }, intervalMinutes: 30 }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: answers[0].body.id, updated: true, data: { name: 'changed', count: 3 }, timing: { intervalMinutes: 30 } });
    expect((await temporalSchedulesOf()).filter((id) => id.endsWith(answers[0].body.id))).toHaveLength(1);
  });

  it("refuses times the scheduler's clock says are wrong, and specs that never fire", async () => {
    const past = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', data: { name: 'x' }, at: '2020-01-01T00:00:00Z', key: 'past' }));
    expect(past.status).toBe(400);
    expect(past.body.fieldErrors[0].field).toBe('at');
    const fast = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', data: { name: 'x' }, intervalMinutes: 0, key: 'fast' }));
    expect(fast.body.fieldErrors).toEqual([{ field: 'intervalMinutes', message: 'must be a whole number of minutes, at least 1' }]);
    const never = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', data: { name: 'x' }, cron: '0 0 30 2 *', key: 'never' }));
    expect(never.status).toBe(400);
    expect(never.body.fieldErrors[0].field).toBe('cron');
    const badZone = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', data: { name: 'x' }, cron: '0 2 * * *', timezone: 'Mars/Olympus', key: 'zone' }));
    expect(badZone.body.fieldErrors).toEqual([{ field: 'timezone', message: 'must be an IANA time zone such as Europe/Paris or UTC' }]);
    const badData = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', data: { count: 500 }, intervalMinutes: 5, key: 'data' }));
    expect(badData.body.fieldErrors).toEqual(expect.arrayContaining([{ field: 'data.name', message: 'is required' }]));
    expect((await temporalSchedulesOf()).some((id) => id.includes('never'))).toBe(false);
  });

  it('adds one run on a manual trigger and leaves the next scheduled time alone; edits apply to the next run', async () => {
    const created = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: 'trigger-me', data: { name: 'before' }, intervalMinutes: 60 }));
    const { id, nextRunTimes } = created.body;
    expect(nextRunTimes.length).toBeGreaterThan(0);

    const triggered = await stack.post(`/api/schedules/${id}/trigger`, '');
    expect(triggered.status).toBe(202);
    expect(triggered.body.nextRunTimes[0]).toBe(nextRunTimes[0]);
    const [first] = await waitFor(async () => ((await runsOf(id)).length === 1 ? runsOf(id) : undefined), 30_000, 'the triggered run');
    expect(first).toMatchObject({ jobId: 'examples.HelloWorld', scheduleId: id, data: { name: 'before' }, requestedBy: `schedule:${id}` });
    expect((await stack.waitForRun(first.id, (run) => ENDED.includes(run.status), 'to end')).status).toBe('completed');

    const patched = await stack.sendPatch(`/api/schedules/${id}`, { data: { name: 'after', count: 1 } });
    expect(patched.status).toBe(200);
    expect(patched.body.nextRunTimes[0]).toBe(nextRunTimes[0]);
    await stack.post(`/api/schedules/${id}/trigger`, '');
    const runs = await waitFor(async () => ((await runsOf(id)).length === 2 ? runsOf(id) : undefined), 30_000, 'the second run');
    expect(runs.map((run) => run.data.name).sort()).toEqual(['after', 'before']);

    const view = await waitFor(async () => {
      const { body } = await stack.getJson(`/api/schedules/${id}`);
      return body.totalRuns === 2 && body.lastRun?.status === 'completed' ? body : undefined;
    }, 30_000, 'the schedule read model to count both runs');
    expect(view).toMatchObject({ id, key: 'trigger-me', state: 'active', totalRuns: 2 });

    const deleted = await stack.sendDelete(`/api/schedules/${id}`);
    expect(deleted.status).toBe(200);
    await waitFor(async () => ((await stack.getJson(`/api/schedules/${id}`)).status === 404 ? true : undefined), 10_000, 'the schedule to be gone');
    expect(await runsOf(id)).toHaveLength(2);
  });

  it("pauses a schedule, saying why, when its job is no longer installed", async () => {
    const created = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.InterfaceAudit', key: 'audit', intervalMinutes: 30 }));
    expect(created.status).toBe(201);
    // A collector announces a catalog without the job, as after a deployment that removed it.
    const nc = await connectNats(testDependencies.natsUrl, 'schedules-e2e');
    try {
      const current = await readLastEvent(nc, streamNamesFor(stack.instance).catalog, subjectsFor(stack.instance).catalogAnnounced, catalogAnnouncedSchema);
      const jobs = (current?.data.jobs ?? []).filter((job) => job.id !== 'examples.InterfaceAudit');
      const id = randomUUID();
      const announcement: CatalogAnnounced = newEvent({
        id,
        type: 'catalog.announced',
        occurredAt: new Date().toISOString(),
        aggregateId: 'catalog',
        sequence: 1,
        correlationId: id,
        actor: 'system:test',
        data: { collectorId: 'e2e', jobs },
      });
      await new EventPublisher(nc).publish(subjectsFor(stack.instance).catalogAnnounced, announcement);
    } finally {
      await nc.drain();
    }
    const paused = await waitFor(async () => {
      const { body } = await stack.getJson(`/api/schedules/${created.body.id}`);
      return body.state === 'paused' ? body : undefined;
    }, 30_000, 'the schedule to be paused');
    expect(paused.pausedReason).toBe('job examples.InterfaceAudit is not installed');
    expect((await stack.getJson('/api/jobs/examples.InterfaceAudit')).body.installed).toBe(false);
  });

  it('fires a 1-minute interval schedule three times, stops when paused, restarts when resumed, and catches up once after the scheduler was down', async () => {
    const created = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: 'every-minute', data: { name: 'tick', count: 1 }, intervalMinutes: 1 }));
    expect(created.status).toBe(201);
    const { id } = created.body;

    const three = await waitFor(async () => {
      const runs = await runsOf(id);
      return runs.length >= 3 && runs.every((run) => run.status === 'completed') ? runs : undefined;
    }, 4 * 60_000, 'three completed runs', 2_000);
    const times = three.map((run) => Date.parse(run.createdAt)).sort((a, b) => a - b);
    for (let index = 1; index < times.length; index++) {
      expect(times[index] - times[index - 1]).toBeGreaterThan(50_000);
      expect(times[index] - times[index - 1]).toBeLessThan(70_000);
    }

    const paused = await stack.post(`/api/schedules/${id}/pause`, JSON.stringify({ reason: 'maintenance window' }));
    expect(paused.body).toMatchObject({ state: 'paused', pausedReason: 'maintenance window', nextRunTimes: [] });
    const countWhenPaused = (await runsOf(id)).length;
    await new Promise((resolve) => setTimeout(resolve, 75_000));
    expect((await runsOf(id)).length).toBe(countWhenPaused);

    const resumed = await stack.post(`/api/schedules/${id}/resume`, '');
    expect(resumed.body.state).toBe('active');
    await waitFor(async () => ((await runsOf(id)).length > countWhenPaused ? true : undefined), 90_000, 'a run after resuming', 2_000);

    // The scheduler down across two ticks: the firings wait for it, and Temporal skips the overlapping one.
    await stack.service('scheduler').stop();
    const downSince = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 130_000));
    // Restart just after a minute boundary, so the next regular tick is almost a minute away when we count.
    await new Promise((resolve) => setTimeout(resolve, (65_000 - (Date.now() % 60_000)) % 60_000));
    stack.startService('scheduler');
    await stack.waitUntilHealthy();
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    const caughtUp = (await runsOf(id)).filter((run) => Date.parse(run.createdAt) > downSince);
    expect(caughtUp.length).toBeLessThanOrEqual(1);
  });
});
