import { ActivityCancellationType, isCancellation, proxyActivities } from '@temporalio/workflow';
import { JOB_CODE_ERROR_TYPE, JOB_NOT_HOSTED_ERROR_TYPE } from '@yardmaster/contracts/workflow';
import type { InventoryChange, JsonValue, RunWorkflowInput } from '@yardmaster/contracts';
import { CANCEL_WINS_PATCH } from './cancel-wins-patch';
import { describeStepFailure } from './describe-failure';
import type { PatchGate } from './patch-gate';
import { stopWithinGrace } from './stop-cancelled-step';
import type { RunActivities, RunEventDraft } from './run-activities';
import { runCountedAttempts } from './step-attempts/run-counted-attempts';
import { STEP_ATTEMPTS_PATCH } from './step-attempts/step-attempts-patch';
import type { StepResult } from './step-result';

/**
 * Runs one job step with the job's timeouts and retry policy. Failures the job reports, and exceptions from its
 * code, are not retried; infrastructure faults are, by the job's policy; lost workers are, by the run's
 * worker-loss budget (see `step-attempts/`).
 */
export function createStepRunner(
  input: RunWorkflowInput,
  patches: PatchGate,
): (step: string, runResult: JsonValue, priorChanges: readonly InventoryChange[], announce?: RunEventDraft) => Promise<StepResult> {
  const { retry } = input;
  return async (step, runResult, priorChanges, announce) => {
    if (patches(STEP_ATTEMPTS_PATCH)) return runCountedAttempts(input, patches, step, runResult, priorChanges, announce);
    // Runs whose history began before the workflow counted attempts: Temporal retries by the job's policy.
    const { executeJobStep } = proxyActivities<RunActivities>({
      summary: `${input.jobName}: ${step}`,
      startToCloseTimeout: `${input.stepTimeoutSeconds}s`,
      heartbeatTimeout: `${input.heartbeatTimeoutSeconds}s`,
      // The step must have stopped before post_run starts; left unset, the server's default is TRY_CANCEL.
      cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
      retry: {
        maximumAttempts: retry.maximumAttempts,
        initialInterval: `${retry.initialIntervalSeconds}s`,
        backoffCoefficient: retry.backoffCoefficient,
        maximumInterval: `${retry.maximumIntervalSeconds}s`,
        nonRetryableErrorTypes: [JOB_CODE_ERROR_TYPE, JOB_NOT_HOSTED_ERROR_TYPE],
      },
    });
    try {
      const execute = () => executeJobStep({ run: input, step, runResult, priorChanges, ...(announce ? { announce } : {}) });
      return { kind: 'done', outcome: await (patches(CANCEL_WINS_PATCH) ? stopWithinGrace(execute) : execute()) };
    } catch (error) {
      if (isCancellation(error)) return { kind: 'cancelled' };
      return { kind: 'error', ...describeStepFailure(error, step, input) };
    }
  };
}
