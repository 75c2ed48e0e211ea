import { isGrpcDeadlineError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CANCEL_REQUESTED_SIGNAL, REQUEST_CANCEL_UPDATE, RUN_ALREADY_FINISHING_FAILURE_TYPE, type CancelAccepted, type CancelRequestedSignal } from '@yardmaster/contracts';

export type CancelAnswer = 'confirmed' | 'unconfirmed' | 'too_late';

/**
 * Asks the run's workflow to cancel through its `requestCancel` Update, whose answer is binding: accepted means
 * the run ends cancelled, refused means it is already finishing. Temporal's own cancel follows an accepted Update,
 * so the workflow also ends Canceled. When the Update cannot answer in time (no worker serves the run's queue, or
 * the run waits for its start time and no workflow code runs yet) or is unknown (a run started by older code),
 * the run is cancelled the way it always was, unconfirmed.
 */
export async function requestConfirmedCancel(client: Client, handle: WorkflowHandle, by: string, confirmWithinMs: number): Promise<CancelAnswer> {
  const request: CancelRequestedSignal = { by };
  if (!(await waitsForItsStartTime(handle))) {
    try {
      await client.withDeadline(Date.now() + confirmWithinMs, () => handle.executeUpdate<CancelAccepted, [CancelRequestedSignal]>(REQUEST_CANCEL_UPDATE, { args: [request] }));
      await handle.cancel();
      return 'confirmed';
    } catch (error) {
      if (refusedAsFinishing(error)) return 'too_late';
      if (!unanswered(error)) throw error;
    }
  }
  await handle.signal(CANCEL_REQUESTED_SIGNAL, request);
  await handle.cancel();
  return 'unconfirmed';
}

async function waitsForItsStartTime(handle: WorkflowHandle): Promise<boolean> {
  const { executionTime } = await handle.describe();
  return executionTime !== undefined && executionTime.getTime() > Date.now();
}

function refusedAsFinishing(error: unknown): boolean {
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === RUN_ALREADY_FINISHING_FAILURE_TYPE;
}

/** The Update timed out, or the workflow's code has no such Update (it started before cancels were confirmed). */
function unanswered(error: unknown): boolean {
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error) || error instanceof WorkflowUpdateFailedError;
}
