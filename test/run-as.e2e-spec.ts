import { waitFor } from '@yardmaster/testing';
import type { ApiSession } from './support/api-session';
import { SseConnection } from './support/sse-client';
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const WHO_AM_I = 'examples.WhoAmI';
const NEW_BRANCH = 'inventory.NewBranch';
// The shared stack holds other files' users and inventory: this file's names are its own.
const SUFFIX = uniqueSuffix();
const BOB = `bob-${SUFFIX}`;
const CAROL = `carol-${SUFFIX}`;
const DAVE = `dave-${SUFFIX}`;
const HAMBURG = `Hamburg 9 ${SUFFIX}`;

/**
 * Acting as another user: an administrator's `runAs` on a run or a schedule, the job context's `runAs` and
 * `require`, and a schedule whose owner was deactivated.
 */
describe('run_as and permission checks inside jobs', () => {
  let stack: YardmasterStack;
  let bob: ApiSession;
  let carol: ApiSession;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    // bob may run the Examples jobs; carol may run anything but not change the inventory.
    bob = await stack.createUser(BOB, [{ permission: 'jobs.run', groupings: ['Examples'] }]);
    carol = await stack.createUser(CAROL, ['jobs.run', 'inventory.view']);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function create(path: string, body: object): Promise<any> {
    const response = await stack.post(path, JSON.stringify(body));
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it("refuses a non-administrator's runAs with 403, and an unknown user with 400 on runAs", async () => {
    const refused = await bob.post(`/api/jobs/${WHO_AM_I}/runs`, JSON.stringify({ runAs: CAROL }));
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: 'run_as needs an administrator' } });

    const unknown = await stack.post(`/api/jobs/${WHO_AM_I}/runs`, JSON.stringify({ runAs: 'nobody' }));
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'runAs', message: 'is not a user' }] } });
  });

  it("records both users of an administrator's run as bob; the job sees bob, and bob sees, follows and cancels it", async () => {
    const accepted = await stack.post(`/api/jobs/${WHO_AM_I}/runs`, JSON.stringify({ runAs: BOB }));
    expect(accepted).toMatchObject({ status: 202, body: { requestedBy: 'admin', runAs: BOB } });
    const run = await stack.waitForRunToEnd(accepted.body.runId);
    expect(run).toMatchObject({ status: 'completed', requestedBy: 'admin', runAs: BOB, result: { requestedBy: 'admin', runAs: BOB } });
    expect((await stack.logsOf(run.id)).map((entry) => entry.message)).toEqual([
      `Requested by admin, running as ${BOB}`,
      `User ${BOB} lacks the permission inventory.view`,
    ]);

    // bob's list counts it among his runs, and its total matches what he sees.
    const mine = (await bob.getJson('/api/runs?limit=100')).body;
    expect(mine.items.map((item: any) => item.id)).toContain(run.id);
    expect(mine.total).toBe(mine.items.length);
    expect(mine.items.every((item: any) => item.requestedBy === BOB || item.runAs === BOB)).toBe(true);
    expect((await bob.getJson(`/api/runs/${run.id}/logs`)).status).toBe(200);
    // carol, who neither asked for it nor is it run as, does not see it.
    expect((await carol.getJson(`/api/runs/${run.id}`)).status).toBe(404);

    const slowId = (await stack.post('/api/jobs/examples.SlowCount/runs', JSON.stringify({ data: { seconds: 60 }, runAs: BOB }))).body.runId as string;
    const stream = await SseConnection.open(`${stack.apiUrl}/api/runs/${slowId}/events`, { token: bob.token });
    await stream.readUntil((event) => event.event === 'run.started', 20_000);
    expect(await bob.post(`/api/runs/${slowId}/cancel`, '{}')).toMatchObject({ status: 202, body: { cancelRequestedBy: BOB } });
    expect((await stream.readToEnd(20_000)).at(-1)?.event).toBe('run.cancelled');
    expect(await bob.waitForRunToEnd(slowId)).toMatchObject({ status: 'cancelled', requestedBy: 'admin', runAs: BOB });
  });

  it('errors a job that acts on the inventory for a user who may not change it, naming the permission, and changes nothing', async () => {
    const role = await create('/api/inventory/device-roles', { name: `Access Switch ${SUFFIX}` });
    const platform = await create('/api/inventory/platforms', { name: `Arista EOS ${SUFFIX}`, networkDriver: 'arista_eos' });
    const sitesBefore = (await stack.getJson('/api/inventory/sites')).body.total;

    const runId = await carol.startRun(NEW_BRANCH, { data: { siteName: HAMBURG, switchCount: 2, switchRole: role.id, switchPlatform: platform.id }, commit: true });
    const run = await carol.waitForRunToEnd(runId);

    expect(run).toMatchObject({ status: 'errored', requestedBy: CAROL, runAs: CAROL });
    expect(run.error.message).toContain(`User ${CAROL} lacks the permission inventory.manage`);
    expect((await stack.getJson('/api/inventory/sites')).body.total).toBe(sitesBefore);
    expect((await stack.getJson(`/api/inventory/sites?name=${encodeURIComponent(HAMBURG)}`)).body.total).toBe(0);

    // A dry run only needs to see the inventory.
    const dryRun = await carol.waitForRunToEnd(
      await carol.startRun(NEW_BRANCH, { data: { siteName: HAMBURG, switchCount: 1, switchRole: role.id, switchPlatform: platform.id }, commit: false }),
    );
    expect(dryRun.status).toBe('completed');
  });

  it("pauses a schedule whose owner was deactivated, naming them, and starts no run", async () => {
    const schedule = await stack.post('/api/schedules', JSON.stringify({ jobId: WHO_AM_I, key: `bobs-schedule-${SUFFIX}`, intervalMinutes: 60, runAs: BOB }));
    expect(schedule).toMatchObject({ status: 201, body: { owner: BOB, state: 'active' } });
    const id = schedule.body.id as string;

    // While bob is active, a trigger runs as him, requested by the schedule.
    await stack.post(`/api/schedules/${id}/trigger`, '');
    const first = await waitFor(async () => (await stack.getJson(`/api/runs?scheduleId=${id}`)).body.items[0], 30_000, 'the first scheduled run');
    expect(await bob.waitForRunToEnd(first.id)).toMatchObject({ status: 'completed', requestedBy: `schedule:${id}`, runAs: BOB });

    expect((await stack.sendPatch(`/api/users/${BOB}`, { active: false })).status).toBe(200);
    expect((await stack.post(`/api/schedules/${id}/trigger`, '')).status).toBe(202);
    const paused = await waitFor(
      async () => {
        const { body } = await stack.getJson(`/api/schedules/${id}`);
        return body.state === 'paused' ? body : undefined;
      },
      30_000,
      'the schedule to be paused',
    );
    expect(paused).toMatchObject({ owner: BOB, pausedReason: `owner ${BOB} is deactivated` });
    expect((await stack.getJson(`/api/runs?scheduleId=${id}`)).body.total).toBe(1);
  });
  it("pauses a schedule whose owner may no longer run its job, naming the job, and starts no run", async () => {
    await stack.createUser(DAVE, [{ permission: 'jobs.run', groupings: ['Examples'] }]);
    const schedule = await stack.post('/api/schedules', JSON.stringify({ jobId: WHO_AM_I, key: `daves-schedule-${SUFFIX}`, intervalMinutes: 60, runAs: DAVE }));
    expect(schedule).toMatchObject({ status: 201, body: { owner: DAVE, state: 'active' } });
    const id = schedule.body.id as string;

    // Dave keeps his account but loses the right to run the Examples jobs.
    expect((await stack.sendPut(`/api/users/${DAVE}/permissions`, { permissions: ['runs.view_own'] })).status).toBe(200);
    expect((await stack.post(`/api/schedules/${id}/trigger`, '')).status).toBe(202);
    const paused = await waitFor(
      async () => {
        const { body } = await stack.getJson(`/api/schedules/${id}`);
        return body.state === 'paused' ? body : undefined;
      },
      30_000,
      'the schedule to be paused',
    );
    expect(paused).toMatchObject({ owner: DAVE, pausedReason: `owner ${DAVE} may no longer run ${WHO_AM_I}` });
    expect((await stack.getJson(`/api/runs?scheduleId=${id}`)).body.total).toBe(0);
  });
});
