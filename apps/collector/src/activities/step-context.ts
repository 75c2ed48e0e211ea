import type { Context } from '@temporalio/activity';
import type { ActingPrincipal, JsonValue, RunWorkflowInput } from '@yardmaster/contracts';
import { requirePermissionOf, type InventoryAccess, type JobContext } from '@yardmaster/job-sdk';
import type { ExecuteStepInput } from '@yardmaster/workflows';
import type { RunLogger } from './run-logger';

const POST_RUN_STEP = 'post_run';

/**
 * The context job code gets for one step. Its signal is the activity's cancellation signal, which Temporal
 * aborts when the run is cancelled or times out; `post_run` gets one that never aborts, so cleanup finishes.
 * `logRoom` resolves when the step's log buffer has room: a sleep waits for it first (back-pressure).
 */
export function createStepContext(
  input: ExecuteStepInput,
  activity: Context,
  logger: RunLogger,
  inventory: InventoryAccess,
  logRoom: () => Promise<void> = () => Promise.resolve(),
): JobContext {
  const { run, step } = input;
  const cleanup = step === POST_RUN_STEP;
  const signal = cleanup ? new AbortController().signal : activity.cancellationSignal;
  const cancelled = cleanup ? new Promise<never>(() => undefined) : activity.cancelled;
  // The SDK's promise rejects on cancellation whether or not the job awaits it.
  cancelled.catch(() => undefined);
  return {
    runId: run.runId,
    jobId: run.jobId,
    // A read-only job's run has no commit (null); to its code that reads as "change nothing".
    commit: run.commit === true,
    readOnly: run.commit === null,
    inventory,
    step,
    attempt: input.attempt ?? activity.info.attempt,
    // The same for every attempt of this step of this run: what a job keys its side effects by to apply them once.
    idempotencyKey: `${run.runId}:${step}`,
    requestedBy: run.requestedBy,
    runAs: run.runAs ?? run.requestedBy,
    require: requirePermissionOf(actingPrincipalOf(run)),
    logger,
    runResult: input.runResult as JsonValue,
    signal,
    cancelled,
    sleep: async (milliseconds) => {
      await Promise.race([logRoom(), cancelled]);
      await abortableSleep(milliseconds, signal);
    },
    progress: (report) => logger.progress(report),
  };
}

/**
 * A run started before `run_as` carries no principal: it acts as its requester, and since jobs made no
 * permission checks then, without any (an in-flight run keeps the rights it started with).
 */
function actingPrincipalOf(run: RunWorkflowInput): ActingPrincipal {
  return run.actingPrincipal ?? { username: run.requestedBy, isAdmin: true, grants: [] };
}

function abortableSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
