import type { RunOutcome } from './run-workflow';

/**
 * The Temporal Update that asks a run to cancel. Unlike a cancel request, its answer says whether the run will
 * end `cancelled` (accepted) or is already finishing (rejected with RUN_ALREADY_FINISHING_FAILURE_TYPE).
 */
export const REQUEST_CANCEL_UPDATE = 'requestCancel';
export const RUN_ALREADY_FINISHING_FAILURE_TYPE = 'RunAlreadyFinishing';

/** What an accepted `requestCancel` answers: who the run's cancellation is attributed to (the first who asked). */
export interface CancelAccepted {
  readonly cancelledBy: string;
}

/**
 * A run that failed, errored or timed out fails its workflow with one of these (non-retryable) failure types, so
 * the Temporal Web UI shows it as Failed; the failure's first detail is the run's outcome, as a completed workflow's
 * result would have been.
 */
export const RUN_END_FAILURE_TYPES = {
  failed: 'RunFailed',
  errored: 'RunErrored',
  timed_out: 'RunTimedOut',
} as const satisfies Partial<Record<RunOutcome['status'], string>>;

export type UnsuccessfulRunOutcome = Extract<RunOutcome, { status: keyof typeof RUN_END_FAILURE_TYPES }>;

export function isRunEndFailureType(type: string | undefined | null): boolean {
  return Object.values(RUN_END_FAILURE_TYPES).some((known) => known === type);
}
