import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import type { RunErrorInfo } from '@yardmaster/contracts';

/** Turns what a failed step threw into the error the run shows: the job's own message, not Temporal's wrapper. */
export function describeStepFailure(error: unknown, step: string): RunErrorInfo {
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    return { message: cause.message, type: cause.type ?? 'Error', step };
  }
  if (cause instanceof TimeoutFailure) {
    return { message: `Step ${step} timed out (${cause.timeoutType})`, type: 'StepTimeout', step };
  }
  return { message: cause instanceof Error ? cause.message : String(cause), type: 'Error', step };
}
