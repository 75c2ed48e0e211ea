import { Client, Connection, ScheduleOverlapPolicy, type ScheduleDescription } from '@temporalio/client';
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

  it('fires a 1-minute interval schedule one minute apart; stops when paused, fires by itself again when resumed', async () => {
    const created = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: 'every-minute', data: { name: 'tick', count: 1 }, intervalMinutes: 1 }));
    expect(created.status).toBe(201);
    const { id } = created.body;
    const handle = temporal.schedule.getHandle(temporalScheduleIdFor(stack.instance, id));
    const allCompleted = (atLeast: number) => async () => {
      const runs = await runsOf(id);
      return runs.length >= atLeast && runs.every((run) => run.status === 'completed') ? runs : undefined;
    };

    // Three ticks, one minute apart: a backfill of the three minutes before this one makes the firings Temporal
    // computes from the schedule's spec for that range, in turn, so no minute of the test is spent waiting for them.
    const lastMinute = Math.floor(Date.now() / 60_000) * 60_000;
    const range = { start: new Date(lastMinute - 3 * 60_000 - 30_000), end: new Date(lastMinute - 30_000) };
    await handle.backfill({ ...range, overlap: ScheduleOverlapPolicy.BUFFER_ALL });
    const backfilled = await waitFor(async () => {
      const { info } = await handle.describe();
      const fired = info.recentActions.filter((action) => action.scheduledAt >= range.start && action.scheduledAt <= range.end);
      return fired.length === 3 && info.runningActions.length === 0 ? fired : undefined;
    }, 60_000, 'three backfilled firings to end', 1_000);
    await waitFor(allCompleted(3), 30_000, 'three completed runs', 1_000);
    const times = backfilled.map((action) => action.scheduledAt.getTime()).sort((a, b) => a - b);
    for (let index = 1; index < times.length; index++) {
      expect(times[index] - times[index - 1]).toBeGreaterThan(50_000);
      expect(times[index] - times[index - 1]).toBeLessThan(70_000);
    }

    // Pause well clear of a tick, so that no firing is under way when the runs are counted.
    const dueWhenPaused = await waitFor(async () => {
      const { info } = await handle.describe();
      const next = info.nextActionTimes[0]?.getTime() ?? 0;
      return info.runningActions.length === 0 && next - Date.now() > 15_000 ? next : undefined;
    }, 90_000, 'a quiet moment between ticks', 1_000);
    const paused = await stack.post(`/api/schedules/${id}/pause`, JSON.stringify({ reason: 'maintenance window' }));
    expect(paused.body).toMatchObject({ state: 'paused', pausedReason: 'maintenance window', nextRunTimes: [] });
    expect((await handle.describe()).state.paused).toBe(true);
    const countWhenPaused = (await runsOf(id)).length;
    // The tick that was due passes without a run (and a little after it, for a firing's run to show).
    while (Date.now() < dueWhenPaused + 10_000) {
      expect((await runsOf(id)).length).toBe(countWhenPaused);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect((await runsOf(id)).length).toBe(countWhenPaused);

    const resumed = await stack.post(`/api/schedules/${id}/resume`, '');
    expect(resumed.body.state).toBe('active');
    // The next tick fires by itself.
    await waitFor(allCompleted(countWhenPaused + 1), 90_000, 'a run after resuming', 2_000);
  });

  it('catches up once after the scheduler was down across two ticks', async () => {
    // No tick of its own during the test (it starts in an hour): the two ticks below are fired by hand, each as
    // Temporal fires a tick, under the schedule's own overlap policy.
    const startAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const created = await stack.post('/api/schedules', JSON.stringify({ jobId: 'examples.HelloWorld', key: 'catch-up', data: { name: 'tick', count: 1 }, intervalMinutes: 1, startAt }));
    expect(created.status).toBe(201);
    const { id } = created.body;
    const handle = temporal.schedule.getHandle(temporalScheduleIdFor(stack.instance, id));
    const { policies } = await handle.describe();
    expect(policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    const described = (ready: (info: ScheduleDescription['info'], bufferSize: number) => boolean) => async () => {
      const description = await handle.describe();
      return ready(description.info, Number(description.raw.info?.bufferSize ?? 0)) ? description.info : undefined;
    };

    await stack.service('scheduler').stop();
    const downSince = Date.now();
    await handle.trigger(policies.overlap);
    await waitFor(described((info) => info.runningActions.length === 1), 30_000, 'the first firing, waiting for the scheduler');
    await handle.trigger(policies.overlap);
    await waitFor(described((info) => info.numActionsSkippedOverlap === 1), 30_000, 'Temporal to skip the tick that overlaps it');

    stack.startService('scheduler');
    await stack.waitUntilHealthy();
    const settled = await waitFor(
      described((info, bufferSize) => info.runningActions.length === 0 && bufferSize === 0),
      60_000,
      'the caught-up firing to end, nothing buffered behind it',
    );
    expect(settled.numActionsTaken).toBe(1);
    const caughtUp = await waitFor(async () => {
      const runs = (await runsOf(id)).filter((run) => Date.parse(run.createdAt) > downSince);
      return runs.length > 0 && runs.every((run) => run.status === 'completed') ? runs : undefined;
    }, 30_000, 'the caught-up run', 1_000);
    expect(caughtUp.length).toBeLessThanOrEqual(1);
  });
});
