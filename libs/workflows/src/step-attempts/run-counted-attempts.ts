import { ActivityCancellationType, isCancellation, proxyActivities, sleep } from '@temporalio/workflow';
import type { InventoryChange, JsonValue, RunErrorInfo, RunWorkflowInput } from '@yardmaster/contracts';
import { CANCEL_WINS_PATCH } from '../cancel-wins-patch';
import { describeStepFailure } from '../describe-failure';
import type { PatchGate } from '../patch-gate';
import type { RunActivities, RunEventDraft } from '../run-activities';
import type { StepResult } from '../step-result';
import { stopWithinGrace } from '../stop-cancelled-step';
import { AttemptBudget, classifyAttemptFailure } from './attempt-budget';

/**
 * Runs one step, each attempt an activity of its own that Temporal does not retry: the workflow decides. A job's
 * failure spends the job's retry policy; a lost worker (a collector that died mid-step) spends the run's
 * worker-loss budget instead, so a run outlives several collector deaths without using up the job's attempts.
 * The attempt number travels to the step (`context.attempt`), counting every attempt.
 */
export async function runCountedAttempts(
  input: RunWorkflowInput,
  patches: PatchGate,
  step: string,
  runResult: JsonValue,
  priorChanges: readonly InventoryChange[],
  announce?: RunEventDraft,
): Promise<StepResult> {
  const { executeJobStep } = proxyActivities<RunActivities>({
    summary: `${input.jobName}: ${step}`,
    startToCloseTimeout: `${input.stepTimeoutSeconds}s`,
    heartbeatTimeout: `${input.heartbeatTimeoutSeconds}s`,
    // The step must have stopped before post_run starts; left unset, the server's default is TRY_CANCEL.
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { maximumAttempts: 1 },
  });
  const budget = new AttemptBudget(input);
  // A cancelled run does not wait for a dead worker's heartbeat timeout (histories from before that wait for it).
  const stopsWithinGrace = patches(CANCEL_WINS_PATCH);
  for (;;) {
    try {
      const execute = () => executeJobStep({
        run: input,
        step,
        runResult,
        priorChanges,
        attempt: budget.nextAttempt,
        jobAttempt: budget.jobFailures + 1,
        ...(announce ? { announce } : {}),
      });
      return { kind: 'done', outcome: await (stopsWithinGrace ? stopWithinGrace(execute) : execute()) };
    } catch (error) {
      if (isCancellation(error)) return { kind: 'cancelled' };
      const failure = classifyAttemptFailure(error);
      if (!budget.spend(failure)) {
        if (failure === 'worker_lost') return { kind: 'error', error: workerLossesSpent(input, step, budget.workerLosses), timedOut: false };
        return { kind: 'error', ...describeStepFailure(error, step, input) };
      }
      try {
        await sleep(budget.delayMs(failure));
      } catch (pause) {
        if (isCancellation(pause)) return { kind: 'cancelled' };
        throw pause;
      }
    }
  }
}

function workerLossesSpent(input: RunWorkflowInput, step: string, losses: number): RunErrorInfo {
  return {
    message: `Step ${step} lost its worker ${losses} times (no heartbeat for ${input.heartbeatTimeoutSeconds} s each time), more than the ${losses - 1} allowed (YARD_MAX_WORKER_LOSSES)`,
    type: 'WorkerLost',
    step,
  };
}
