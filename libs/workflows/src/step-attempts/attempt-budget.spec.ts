/** How a step's failed attempts are counted and spaced: pure arithmetic, no Temporal server. */
import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { DEFAULT_MAX_WORKER_LOSSES, JOB_CODE_ERROR_TYPE, type RunWorkflowInput } from '@yardmaster/contracts';
import { AttemptBudget, classifyAttemptFailure } from './attempt-budget';

function budget(retry: Partial<RunWorkflowInput['retry']>, maxWorkerLosses?: number): AttemptBudget {
  const input = {
    retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2, maximumIntervalSeconds: 5, ...retry },
    maxWorkerLosses,
  } as RunWorkflowInput;
  return new AttemptBudget(input);
}

describe('classifyAttemptFailure', () => {
  it('counts a missed heartbeat as a lost worker, job code errors as final, anything else against the job', () => {
    expect(classifyAttemptFailure(new TimeoutFailure('no heartbeat', undefined, 'HEARTBEAT'))).toBe('worker_lost');
    expect(classifyAttemptFailure(ApplicationFailure.create({ type: JOB_CODE_ERROR_TYPE, message: 'boom' }))).toBe('final');
    expect(classifyAttemptFailure(ApplicationFailure.create({ type: 'InfrastructureFault', message: 'NATS away' }))).toBe('job');
    expect(classifyAttemptFailure(new TimeoutFailure('too slow', undefined, 'START_TO_CLOSE'))).toBe('job');
  });

  it('looks through the ActivityFailure that wraps the cause', () => {
    const wrapped = new ActivityFailure('failed', 'step', 'activity-1', undefined, undefined, new TimeoutFailure('gone', undefined, 'SCHEDULE_TO_START'));
    expect(classifyAttemptFailure(wrapped)).toBe('worker_lost');
  });
});

describe('AttemptBudget', () => {
  it("allows the job's attempts and no more, whatever the lost workers did in between", () => {
    const attempts = budget({ maximumAttempts: 3 });
    expect(attempts.spend('worker_lost')).toBe(true);
    expect(attempts.spend('job')).toBe(true);
    expect(attempts.spend('job')).toBe(true);
    expect(attempts.spend('job')).toBe(false);
    expect(attempts.nextAttempt).toBe(5);
  });

  it('treats maximumAttempts 0 as no limit, and a final failure as the end', () => {
    const unlimited = budget({ maximumAttempts: 0 });
    for (let i = 0; i < 10; i++) expect(unlimited.spend('job')).toBe(true);
    expect(unlimited.spend('final')).toBe(false);
  });

  it('spends lost workers from their own budget', () => {
    const attempts = budget({}, 1);
    expect(attempts.spend('worker_lost')).toBe(true);
    expect(attempts.spend('worker_lost')).toBe(false);
    expect(budget({}).maxWorkerLosses).toBe(DEFAULT_MAX_WORKER_LOSSES);
  });

  it("backs off by the job's coefficient up to its maximum, and waits one second after a lost worker", () => {
    const attempts = budget({ initialIntervalSeconds: 1, backoffCoefficient: 2, maximumIntervalSeconds: 5 });
    const delays = [1, 2, 3, 4].map(() => {
      attempts.spend('job');
      return attempts.delayMs('job');
    });
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(attempts.delayMs('worker_lost')).toBe(1_000);
  });
});
