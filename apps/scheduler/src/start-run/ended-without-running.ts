import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, TerminatedFailure } from '@temporalio/common';
import { RUN_START_ABANDONED_ERROR_TYPE } from '@yardmaster/contracts';

/** Why the abandoned-start sweep terminates a workflow: also how a keyed retry recognises one (see below). */
export const ABANDONED_START_TERMINATION_REASON = 'Its start was answered 503 (Temporal unreachable): the client was told it did not start';

/**
 * Whether a run's workflow ended without running any of it: refused at its first activity (`RunStartAbandoned`) or
 * terminated by the abandoned-start sweep. Such a run was answered 503 "not started"; a keyed retry of it must start
 * it anew rather than answer with a run that will never move.
 */
export async function endedWithoutRunning(handle: Pick<WorkflowHandle, 'describe' | 'result'>): Promise<boolean> {
  const { status } = await handle.describe();
  if (status.name !== 'FAILED' && status.name !== 'TERMINATED') return false;
  const failure = await handle.result().then(
    () => null,
    (error: unknown) => (error instanceof WorkflowFailedError ? error.cause : null),
  );
  if (failure instanceof ApplicationFailure) return failure.type === RUN_START_ABANDONED_ERROR_TYPE;
  if (failure instanceof TerminatedFailure) return failure.message === ABANDONED_START_TERMINATION_REASON;
  return false;
}
