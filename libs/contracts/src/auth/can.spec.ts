import { can, canCancelRun, canViewRun, runnableJobScopes, viewableJobScopes } from './can';
import { PERMISSIONS, type PermissionGrant, type Principal } from './permissions';

function principal(grants: PermissionGrant[], overrides: Partial<Principal> = {}): Principal {
  return { username: 'ann', displayName: 'Ann', isAdmin: false, readOnly: false, grants, ...overrides };
}

const hello = { kind: 'job', jobId: 'examples.HelloWorld', grouping: 'Examples' } as const;
const ping = { kind: 'job', jobId: 'net.Ping', grouping: 'Network checks' } as const;
const annsRun = { kind: 'run', requestedBy: 'ann' } as const;
const bobsRun = { kind: 'run', requestedBy: 'bob' } as const;

describe('can', () => {
  it('gives an administrator every permission, about anything', () => {
    const admin = principal([], { isAdmin: true });

    for (const permission of PERMISSIONS) expect(can(admin, permission)).toBe(true);
    expect(can(admin, 'jobs.run', ping)).toBe(true);
    expect(canCancelRun(admin, bobsRun)).toBe(true);
  });

  it('gives nothing to a user without grants', () => {
    const nobody = principal([]);

    for (const permission of PERMISSIONS) expect(can(nobody, permission)).toBe(false);
    expect(canViewRun(nobody, annsRun)).toBe(false);
  });

  it('gives plain permissions only to those who hold them', () => {
    const scheduler = principal([{ permission: 'schedules.manage' }]);

    expect(can(scheduler, 'schedules.manage')).toBe(true);
    expect(can(scheduler, 'catalog.manage')).toBe(false);
    expect(can(scheduler, 'users.admin')).toBe(false);
  });

  it('limits jobs.run to the job ids and groupings of its scope', () => {
    const byGrouping = principal([{ permission: 'jobs.run', scope: { groupings: ['Examples'] } }]);
    const byId = principal([{ permission: 'jobs.run', scope: { jobIds: ['net.Ping'] } }]);
    const everything = principal([{ permission: 'jobs.run', scope: null }]);

    expect(can(byGrouping, 'jobs.run', hello)).toBe(true);
    expect(can(byGrouping, 'jobs.run', ping)).toBe(false);
    expect(can(byId, 'jobs.run', ping)).toBe(true);
    expect(can(byId, 'jobs.run', hello)).toBe(false);
    expect(can(everything, 'jobs.run', ping)).toBe(true);
    // Without a job: may they run anything at all.
    expect(can(byGrouping, 'jobs.run')).toBe(true);
  });

  it('lets jobs.run see the jobs it covers', () => {
    const runner = principal([{ permission: 'jobs.run', scope: { groupings: ['Examples'] } }]);

    expect(can(runner, 'jobs.view', hello)).toBe(true);
    expect(can(runner, 'jobs.view', ping)).toBe(false);
    expect(can(principal([{ permission: 'jobs.view' }]), 'jobs.view', ping)).toBe(true);
  });

  it("lets whoever may run a job see and cancel their own runs, and nobody else's", () => {
    const runner = principal([{ permission: 'jobs.run', scope: { jobIds: ['examples.HelloWorld'] } }]);

    expect(canViewRun(runner, annsRun)).toBe(true);
    expect(canCancelRun(runner, annsRun)).toBe(true);
    expect(canViewRun(runner, bobsRun)).toBe(false);
    expect(canCancelRun(runner, bobsRun)).toBe(false);
    expect(canViewRun(runner, { requestedBy: null })).toBe(false);
  });

  it('counts a run acting as them (run_as) as their own, as well as one they requested', () => {
    const runner = principal([{ permission: 'jobs.run', scope: { jobIds: ['examples.HelloWorld'] } }]);
    const asAnn = { requestedBy: 'admin', runAs: 'ann' };

    expect(canViewRun(runner, asAnn)).toBe(true);
    expect(canCancelRun(runner, asAnn)).toBe(true);
    expect(canViewRun(runner, { requestedBy: 'ann', runAs: 'bob' })).toBe(true);
    expect(canViewRun(runner, { requestedBy: 'admin', runAs: 'bob' })).toBe(false);
    expect(canCancelRun(principal([{ permission: 'runs.cancel_own' }]), asAnn)).toBe(true);
    expect(canViewRun(principal([]), asAnn)).toBe(false);
    expect(canViewRun(runner, { requestedBy: null, runAs: null })).toBe(false);
  });

  it('separates own from any for viewing and cancelling runs', () => {
    const watcher = principal([{ permission: 'runs.view_own' }]);
    const auditor = principal([{ permission: 'runs.view_any' }]);
    const canceller = principal([{ permission: 'runs.cancel_own' }]);
    const operator = principal([{ permission: 'runs.cancel_any' }]);

    expect([canViewRun(watcher, annsRun), canViewRun(watcher, bobsRun), canCancelRun(watcher, annsRun)]).toEqual([true, false, false]);
    expect([canViewRun(auditor, bobsRun), can(auditor, 'runs.view_any'), canCancelRun(auditor, bobsRun)]).toEqual([true, true, false]);
    expect([canCancelRun(canceller, annsRun), canCancelRun(canceller, bobsRun), canViewRun(canceller, annsRun)]).toEqual([true, false, false]);
    expect([canCancelRun(operator, bobsRun), can(operator, 'runs.cancel_own')]).toEqual([true, true]);
  });

  it('lists the scopes of jobs.run grants, or null when one covers every job', () => {
    expect(runnableJobScopes(principal([{ permission: 'jobs.run', scope: { groupings: ['Examples'] } }, { permission: 'jobs.view' }]))).toEqual([{ groupings: ['Examples'] }]);
    expect(runnableJobScopes(principal([{ permission: 'jobs.run', scope: { jobIds: ['a.B'] } }, { permission: 'jobs.run' }]))).toBeNull();
    expect(runnableJobScopes(principal([], { isAdmin: true }))).toBeNull();
    expect(runnableJobScopes(principal([]))).toEqual([]);
  });

  it('shows the whole catalog to jobs.view, and only the jobs it may run to a scoped runner', () => {
    expect(viewableJobScopes(principal([{ permission: 'jobs.view' }, { permission: 'jobs.run', scope: { jobIds: ['a.B'] } }]))).toBeNull();
    expect(viewableJobScopes(principal([{ permission: 'jobs.run', scope: { jobIds: ['a.B'] } }]))).toEqual([{ jobIds: ['a.B'] }]);
  });
});
