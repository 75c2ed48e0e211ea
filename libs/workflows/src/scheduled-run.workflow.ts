import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ScheduledRunRequest } from '@yardmaster/contracts';
import type { ScheduledRunActivities } from './scheduled-run-activities';

/** A scheduled run the scheduler refused (the job's rule, its data, a job that is gone) is not retried. */
export const RUN_REFUSED_ERROR_TYPE = 'RunRefused';

export type ScheduledRunOutcome =
  | { readonly runId: string; readonly status: string }
  | { readonly refused: string };

/**
 * What a Temporal Schedule starts each time it fires: ask the scheduler for an ordinary run (validated, under
 * the job's concurrency rule, recorded with its schedule), then wait for that run to end. Waiting makes the
 * schedule's overlap policy (skip, buffer one, allow all) apply to the run itself. While the scheduler is down
 * the request is retried, and a tick that falls due meanwhile is skipped: after an outage, one catch-up run.
 */
export async function scheduledRunWorkflow(request: ScheduledRunRequest): Promise<ScheduledRunOutcome> {
  const { startScheduledRun } = proxyActivities<ScheduledRunActivities>({
    summary: `start a run of ${request.definition.jobId}`,
    startToCloseTimeout: '30s',
    retry: { initialInterval: '1s', maximumInterval: '15s', nonRetryableErrorTypes: [RUN_REFUSED_ERROR_TYPE] },
  });
  const { awaitRunEnd } = proxyActivities<ScheduledRunActivities>({
    summary: `wait for the run of ${request.definition.jobId}`,
    startToCloseTimeout: '7d',
    heartbeatTimeout: '30s',
    retry: { initialInterval: '1s', maximumInterval: '15s' },
  });
  let runId: string;
  try {
    runId = await startScheduledRun(request);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof ApplicationFailure ? error.cause : null;
    if (cause?.type === RUN_REFUSED_ERROR_TYPE) return { refused: cause.message };
    throw error;
  }
  return { runId, status: await awaitRunEnd(runId) };
}
