import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import type { RunErrorInfo, RunWorkflowInput } from '@yardmaster/contracts';

export interface DescribedFailure {
  readonly error: RunErrorInfo;
  /** The step ran past its own timeout: the run ends `timed_out`, not `errored`. */
  readonly timedOut: boolean;
}

/** Turns what a failed step threw into the error the run shows: the job's own message, not Temporal's wrapper. */
export function describeStepFailure(error: unknown, step: string, input: RunWorkflowInput): DescribedFailure {
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    return { error: { message: cause.message, type: cause.type ?? 'Error', step }, timedOut: false };
  }
  if (cause instanceof TimeoutFailure) {
    if (cause.timeoutType === 'HEARTBEAT') {
      const message = `Step ${step} lost its worker: no heartbeat for ${input.heartbeatTimeoutSeconds} s, and the retry policy (${input.retry.maximumAttempts} attempts) is spent`;
      return { error: { message, type: 'WorkerLost', step }, timedOut: false };
    }
    if (cause.timeoutType === 'START_TO_CLOSE') {
      return { error: { message: `Step ${step} ran past its step timeout of ${input.stepTimeoutSeconds} s`, type: 'StepTimeout', step }, timedOut: true };
    }
    return { error: { message: `Step ${step} timed out (${cause.timeoutType})`, type: 'StepTimeout', step }, timedOut: true };
  }
  return { error: { message: cause instanceof Error ? cause.message : String(cause), type: 'Error', step }, timedOut: false };
}
