import { ActivityFailure, ApplicationFailure, upsertSearchAttributes } from '@temporalio/workflow';
import { RUN_START_ABANDONED_ERROR_TYPE } from '@yardmaster/contracts/workflow';
import { RUN_STATUS_KEY } from './search-attributes';

/** The first activity refused the run: its scheduler told the client it had not started (see `run-start-claims.ts`). */
export function isStartAbandoned(error: unknown): boolean {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure && cause.type === RUN_START_ABANDONED_ERROR_TYPE;
}

/**
 * How a refused run ends: Failed in Temporal, with no event published and no run status (it has none in
 * Yardmaster, whose client was told it did not start), so the Web UI's `YardRunStatus` filter does not list it.
 */
export function startAbandonedFailure(runId: string): ApplicationFailure {
  upsertSearchAttributes([{ key: RUN_STATUS_KEY, value: null }]);
  return ApplicationFailure.create({
    message: `Run ${runId} did not start: its start was answered 503 (Temporal unreachable) before it reached a collector`,
    type: RUN_START_ABANDONED_ERROR_TYPE,
    nonRetryable: true,
  });
}
