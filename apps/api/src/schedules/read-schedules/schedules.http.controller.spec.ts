import { ErrorCode, type Principal } from '@yardmaster/contracts';
import { FakeSchedulesQueries, scheduleRecord } from './schedules.queries.fake';
import { SchedulesHttpController } from './schedules.http.controller';

function principal(grants: Principal['grants']): Principal {
  return { username: 'ann', displayName: 'Ann', isAdmin: false, readOnly: false, grants };
}

const viewsCatalog = principal([{ permission: 'jobs.view' }]);
/** May run (and so see) only the jobs of the grouping Network. */
const runsNetworkJobs = principal([{ permission: 'jobs.run', scope: { groupings: ['Network'] } }]);

function controller(): SchedulesHttpController {
  const schedules = [
    scheduleRecord({ id: 's-backup', key: 'nightly-backup', jobId: 'backup_configs' }),
    scheduleRecord({ id: 's-audit', key: 'audit', jobId: 'audit_devices', state: 'paused', pausedReason: 'maintenance' }),
    scheduleRecord({ id: 's-gone', key: 'gone', jobId: 'backup_configs', deletedAt: new Date('2030-01-02T00:00:00.000Z') }),
  ];
  return new SchedulesHttpController(new FakeSchedulesQueries(schedules, { backup_configs: 'Network', audit_devices: 'Compliance' }));
}

describe('SchedulesHttpController', () => {
  it('lists the schedules not deleted, by key, each linked to its runs', async () => {
    const page = await controller().list({}, viewsCatalog);

    expect(page.items.map((schedule) => [schedule.key, schedule.links.runs])).toEqual([
      ['audit', '/api/runs?scheduleId=s-audit'],
      ['nightly-backup', '/api/runs?scheduleId=s-backup'],
    ]);
    expect([page.total, page.limit, page.offset]).toEqual([2, 50, 0]);
  });

  it('narrows by state and job, and to the jobs one may see', async () => {
    expect((await controller().list({ state: 'paused' }, viewsCatalog)).items.map((schedule) => schedule.id)).toEqual(['s-audit']);
    expect((await controller().list({ jobId: 'backup_configs' }, viewsCatalog)).items.map((schedule) => schedule.id)).toEqual(['s-backup']);
    expect((await controller().list({}, runsNetworkJobs)).items.map((schedule) => schedule.id)).toEqual(['s-backup']);
  });

  it('refuses a state that is none, on the field state', async () => {
    await expect(controller().list({ state: 'asleep' }, viewsCatalog)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'state', message: 'must be one of active, paused' }] });
  });

  it('answers SCHEDULE_NOT_FOUND for a deleted schedule, an unknown one, and one of a job one may not see', async () => {
    await expect(controller().get('s-audit', viewsCatalog)).resolves.toMatchObject({ id: 's-audit', state: 'paused', pausedReason: 'maintenance' });
    for (const scheduleId of ['s-gone', 's-unknown']) {
      await expect(controller().get(scheduleId, viewsCatalog)).rejects.toMatchObject({ code: ErrorCode.ScheduleNotFound });
    }
    await expect(controller().get('s-audit', runsNetworkJobs)).rejects.toMatchObject({ code: ErrorCode.ScheduleNotFound });
  });
});
