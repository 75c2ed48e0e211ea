import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { ErrorCode, YardError, type ScheduledRunRequest, type StartRunAccepted, type StartRunCommand } from '@yardmaster/contracts';
import { RUN_REFUSED_ERROR_TYPE } from '@yardmaster/workflows';
import { ScheduleRunRefused } from '../start-run/schedule-run-refused';
import { createStartScheduledRun } from './start-scheduled-run.activity';

const REQUEST = {
  scheduleId: 'nightly',
  definition: { jobId: 'examples.WhoAmI', data: { name: 'yard' }, commit: null, queue: 'default', runTimeoutSeconds: null, owner: 'bob' },
} as unknown as ScheduledRunRequest;

/** The activity with a start use case that answers `answer`, recording what it was asked and what it paused. */
function activityAnswering(answer: (command: StartRunCommand) => Promise<StartRunAccepted>) {
  const started: StartRunCommand[] = [];
  const paused: Array<[string, string]> = [];
  const activity = createStartScheduledRun({
    startRun: (command) => {
      started.push(command);
      return answer(command);
    },
    pauseSchedule: async (scheduleId, reason) => void paused.push([scheduleId, reason]),
  });
  const env = new MockActivityEnvironment({ workflowExecution: { workflowId: 'schedule-nightly-fire', runId: 'r-1' } }, { logger: new DefaultLogger('ERROR') });
  const fire = () => env.run(activity.startScheduledRun, REQUEST);
  return { fire, started, paused };
}

it("starts the schedule's run in-process, as its owner and keyed by the firing, and pauses nothing", async () => {
  const { fire, started, paused } = activityAnswering(async () => ({ runId: 'run-7' }) as StartRunAccepted);
  expect(await fire()).toBe('run-7');
  expect(started).toEqual([
    expect.objectContaining({
      meta: { actor: 'schedule:nightly', correlationId: 'schedule-nightly-fire:r-1' },
      idempotency: { key: expect.stringMatching(/^[0-9a-f]{64}$/), fingerprint: 'schedule-firing' },
      jobId: 'examples.WhoAmI',
      scheduleId: 'nightly',
      runAs: 'bob',
      queue: 'default',
    }),
  ]);
  expect(started[0]).not.toHaveProperty('commit');
  expect(paused).toEqual([]);
});

it('pauses the schedule with the reason of a schedule refusal, then fails the firing for good', async () => {
  const refusal = new ScheduleRunRefused('nightly', 'owner bob is deactivated', new YardError(ErrorCode.Forbidden, 'Schedule nightly is paused: owner bob is deactivated'));
  const { fire, paused } = activityAnswering(() => Promise.reject(refusal));
  const failure = await fire().catch((error: unknown) => error);
  expect(paused).toEqual([['nightly', 'owner bob is deactivated']]);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ type: RUN_REFUSED_ERROR_TYPE, nonRetryable: true, message: 'FORBIDDEN: Schedule nightly is paused: owner bob is deactivated' });
});

it("fails the firing for good on another refusal (the job's rule), without pausing", async () => {
  const { fire, paused } = activityAnswering(() => Promise.reject(new YardError(ErrorCode.ConcurrencyConflict, 'examples.WhoAmI allows one run at a time')));
  await expect(fire()).rejects.toMatchObject({ type: RUN_REFUSED_ERROR_TYPE, nonRetryable: true, message: 'CONCURRENCY_CONFLICT: examples.WhoAmI allows one run at a time' });
  expect(paused).toEqual([]);
});

it.each([ErrorCode.ServiceUnavailable, ErrorCode.Internal, ErrorCode.IdempotencyKeyInUse])('leaves %s to be retried, without pausing', async (code) => {
  const notNow = new YardError(code, 'not now');
  const { fire, paused } = activityAnswering(() => Promise.reject(notNow));
  await expect(fire()).rejects.toBe(notNow);
  expect(paused).toEqual([]);
});
