import { ErrorCode, type EffectiveJob, type StartRunCommand } from '@yardmaster/contracts';
import type { SchedulerConfig } from '../config';
import type { CatalogReader } from '@yardmaster/messaging';
import type { RunActingPrincipal } from './run-acting-principal';
import { ScheduleRunRefused } from './schedule-run-refused';
import { StartRunHandler } from './start-run.handler';

const JOB = { id: 'examples.WhoAmI', name: 'Who am I', grouping: 'examples', enabled: true, variables: [], steps: ['run'] } as unknown as EffectiveJob;
const SCHEDULED: StartRunCommand = { meta: { actor: 'schedule:nightly', correlationId: 'c-1' }, jobId: JOB.id, data: {}, scheduleId: 'nightly', runAs: 'bob' };
const PERSONAL: StartRunCommand = { meta: { actor: 'alice', correlationId: 'c-2' }, jobId: JOB.id, data: {} };

/**
 * The handler with a catalog holding `job` and an owner whose principal is `acting` says; every other dependency is
 * missing, so a test that got past the refusals would fail on it rather than start anything.
 */
function handlerWith(job: EffectiveJob | undefined, acting: RunActingPrincipal['of'] = async () => ({ runAs: 'bob', principal: { username: 'bob', isAdmin: false, grants: [] } })) {
  const catalog = { findJob: async () => job } as unknown as CatalogReader;
  const config = { secretsKey: Buffer.alloc(32) } as SchedulerConfig;
  const missing = {} as never;
  return new StartRunHandler(config, catalog, missing, missing, missing, missing, { of: acting } as RunActingPrincipal, missing, missing, missing);
}

async function refusalOf(handler: StartRunHandler, command: StartRunCommand): Promise<unknown> {
  return handler.handle(command).then(
    () => 'started',
    (error: unknown) => error,
  );
}

describe("a schedule's run the start use case refuses for good", () => {
  it.each([
    ['a job that is gone', undefined, ErrorCode.JobNotFound, 'job examples.WhoAmI is not installed'],
    ['a disabled job', { ...JOB, enabled: false }, ErrorCode.JobDisabled, 'job examples.WhoAmI is disabled'],
    [
      'a job with sensitive variables',
      { ...JOB, variables: [{ name: 'password', type: 'string', label: 'Password', required: true, sensitive: true }] },
      ErrorCode.SensitiveJobNotSchedulable,
      'job examples.WhoAmI has sensitive variables',
    ],
  ])('is a typed refusal naming the pause reason, for %s (the use case pauses nothing itself)', async (_what, job, code, pauseReason) => {
    const refusal = await refusalOf(handlerWith(job as EffectiveJob | undefined), SCHEDULED);
    expect(refusal).toBeInstanceOf(ScheduleRunRefused);
    expect(refusal).toMatchObject({ code, scheduleId: 'nightly', pauseReason });
  });

  it('is a typed refusal for an owner who may no longer run the job', async () => {
    const refusal = await refusalOf(handlerWith(JOB), SCHEDULED);
    expect(refusal).toBeInstanceOf(ScheduleRunRefused);
    expect(refusal).toMatchObject({ code: ErrorCode.Forbidden, pauseReason: 'owner bob may no longer run examples.WhoAmI' });
  });

  it("is a person's plain refusal, not a schedule's, for a run nobody scheduled", async () => {
    const refusal = await refusalOf(handlerWith({ ...JOB, enabled: false }), PERSONAL);
    expect(refusal).toMatchObject({ code: ErrorCode.JobDisabled });
    expect(refusal).not.toBeInstanceOf(ScheduleRunRefused);
  });
});
