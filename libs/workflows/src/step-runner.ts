import { ActivityCancellationType, isCancellation, patched, proxyActivities } from '@temporalio/workflow';
import {
  JOB_CODE_ERROR_TYPE,
  JOB_NOT_HOSTED_ERROR_TYPE,
  type InventoryChange,
  type JsonValue,
  type RunErrorInfo,
  type RunWorkflowInput,
  type StepOutcome,
} from '@yardmaster/contracts';
import { CANCEL_WINS_PATCH } from './cancel-requests';
import { describeStepFailure } from './describe-failure';
import type { RunActivities } from './run-activities';

export type StepResult =
  | { readonly kind: 'done'; readonly outcome: StepOutcome }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly error: RunErrorInfo; readonly timedOut: boolean };

/**
 * Runs one job step as an activity with the job's timeouts and retry policy. Failures the job reports, and
 * exceptions from its code, are not retried; infrastructure faults and lost workers are.
 */
export function createStepRunner(
  input: RunWorkflowInput,
): (step: string, runResult: JsonValue, priorChanges: readonly InventoryChange[]) => Promise<StepResult> {
  const { retry } = input;
  return async (step, runResult, priorChanges) => {
    const { executeJobStep } = proxyActivities<RunActivities>({
      summary: `${input.jobName}: ${step}`,
      startToCloseTimeout: `${input.stepTimeoutSeconds}s`,
      heartbeatTimeout: `${input.heartbeatTimeoutSeconds}s`,
      cancellationType: stepCancellationType(),
      retry: {
        maximumAttempts: retry.maximumAttempts,
        initialInterval: `${retry.initialIntervalSeconds}s`,
        backoffCoefficient: retry.backoffCoefficient,
        maximumInterval: `${retry.maximumIntervalSeconds}s`,
        nonRetryableErrorTypes: [JOB_CODE_ERROR_TYPE, JOB_NOT_HOSTED_ERROR_TYPE],
      },
    });
    try {
      return { kind: 'done', outcome: await executeJobStep({ run: input, step, runResult, priorChanges }) };
    } catch (error) {
      if (isCancellation(error)) return { kind: 'cancelled' };
      return { kind: 'error', ...describeStepFailure(error, step, input) };
    }
  };
}

/**
 * A cancelled or timed-out run stops waiting for its step at once (TRY_CANCEL): the step's worker learns of the
 * cancellation at its next heartbeat, while a dead worker, which never answers, cannot hold the run until its
 * heartbeat times out (it would end errored, not cancelled). So post_run can start while a live worker's step is
 * still stopping. Runs from before this waited for the step (WAIT_CANCELLATION_COMPLETED).
 */
function stepCancellationType(): ActivityCancellationType {
  return patched(CANCEL_WINS_PATCH) ? ActivityCancellationType.TRY_CANCEL : ActivityCancellationType.WAIT_CANCELLATION_COMPLETED;
}
