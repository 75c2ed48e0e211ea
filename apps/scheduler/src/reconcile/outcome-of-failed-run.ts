import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isRunEndFailureType, type RunOutcome } from '@yardmaster/contracts';

/**
 * The outcome of a run whose workflow failed because the run failed, errored or timed out: the workflow's failure
 * carries it as its first detail. Null for a workflow that failed for any other reason.
 */
export async function outcomeOfFailedRun(handle: WorkflowHandle): Promise<RunOutcome | null> {
  try {
    await handle.result();
    return null;
  } catch (error) {
    const cause = error instanceof WorkflowFailedError ? error.cause : undefined;
    if (!(cause instanceof ApplicationFailure) || !isRunEndFailureType(cause.type)) return null;
    return (cause.details?.[0] as RunOutcome | undefined) ?? null;
  }
}
