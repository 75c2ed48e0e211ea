import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { DEFAULT_MAX_WORKER_LOSSES, JOB_CODE_ERROR_TYPE, JOB_NOT_HOSTED_ERROR_TYPE } from '@yardmaster/contracts/workflow';
import type { RunWorkflowInput } from '@yardmaster/contracts';

/** How one failed attempt counts: against the job's retry policy, against the worker-loss budget, or not retried at all. */
export type AttemptFailure = 'job' | 'worker_lost' | 'final';

/**
 * A step's attempt that ended without its worker's answer (no heartbeat in time, or never picked up) lost its
 * worker: the platform's fault, not the job's. An exception from job code is final; any other failure (an
 * `InfrastructureFault`, a step past its step timeout) spends one of the job's attempts, as Temporal's retry did.
 */
export function classifyAttemptFailure(error: unknown): AttemptFailure {
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  if (cause instanceof TimeoutFailure && (cause.timeoutType === 'HEARTBEAT' || cause.timeoutType === 'SCHEDULE_TO_START')) return 'worker_lost';
  if (cause instanceof ApplicationFailure && (cause.nonRetryable || cause.type === JOB_CODE_ERROR_TYPE || cause.type === JOB_NOT_HOSTED_ERROR_TYPE)) return 'final';
  return 'job';
}

/** The counts of one step's attempts so far, and what the run allows. */
export class AttemptBudget {
  jobFailures = 0;
  workerLosses = 0;

  constructor(private readonly input: RunWorkflowInput) {}

  get maxWorkerLosses(): number {
    return this.input.maxWorkerLosses ?? DEFAULT_MAX_WORKER_LOSSES;
  }

  /** The number of the next attempt, from 1, whatever ended the earlier ones. */
  get nextAttempt(): number {
    return this.jobFailures + this.workerLosses + 1;
  }

  /** Counts a failed attempt; true when another attempt may follow. */
  spend(failure: AttemptFailure): boolean {
    if (failure === 'final') return false;
    if (failure === 'worker_lost') return ++this.workerLosses <= this.maxWorkerLosses;
    // maximumAttempts 0 is Temporal's "no limit".
    const { maximumAttempts } = this.input.retry;
    return ++this.jobFailures < maximumAttempts || maximumAttempts <= 0;
  }

  /** The pause before the next attempt: the job's backoff after its own failures, a second after a lost worker. */
  delayMs(failure: AttemptFailure): number {
    if (failure === 'worker_lost') return 1_000;
    const { initialIntervalSeconds, backoffCoefficient, maximumIntervalSeconds } = this.input.retry;
    const seconds = Math.min(maximumIntervalSeconds, initialIntervalSeconds * backoffCoefficient ** Math.max(0, this.jobFailures - 1));
    return Math.round(seconds * 1000);
  }
}
