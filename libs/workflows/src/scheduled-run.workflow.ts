import { ApplicationFailure, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { RUN_END_FAILURE_TYPES, schedulerTaskQueueBeside } from '@yardmaster/contracts/workflow';
import type { ScheduledRunRequest } from '@yardmaster/contracts';
import type { ScheduledRunActivities } from './scheduled-run-activities';

/** A scheduled run the scheduler refused (the job's rule, its data, a job that is gone) is not retried. */
export const RUN_REFUSED_ERROR_TYPE = 'RunRefused';

export type ScheduledRunOutcome =
  | { readonly runId: string; readonly status: string }
  | { readonly refused: string };

/**
 * What a Temporal Schedule starts each time it fires: the scheduler starts an ordinary run (validated, under
 * the job's concurrency rule, recorded with its schedule), then the firing waits for that run to end. Waiting makes
 * the schedule's overlap policy (skip, buffer one, allow all) apply to the run itself. While the scheduler is down
 * the start is retried, and a tick that falls due meanwhile is skipped: after an outage, one catch-up run.
 *
 * The start is an activity on the scheduler's own task queue, so the firing reaches the scheduler through Temporal
 * alone (no collector asking it over NATS). Only the task queue the command names changed: replay compares an
 * activity's type, not its queue, so histories from before still replay.
 */
export async function scheduledRunWorkflow(request: ScheduledRunRequest): Promise<ScheduledRunOutcome> {
  const { startScheduledRun } = proxyActivities<ScheduledRunActivities>({
    summary: `start a run of ${request.definition.jobId}`,
    // A firing started on a queue that is no run queue (a test's) finds the activity beside it.
    taskQueue: schedulerTaskQueueBeside(workflowInfo().taskQueue) ?? workflowInfo().taskQueue,
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
  return firingEndedWith({ runId, status: await awaitRunEnd(runId) });
}

/** A cancelled run fails its firing too: the schedule's list of recent actions in the Web UI shows which runs did not succeed. */
const RUN_CANCELLED_FAILURE_TYPE = 'RunCancelled';

/** The firing ends as its run did: completed for a completed run, failed otherwise (histories from before: completed always). */
function firingEndedWith(outcome: { readonly runId: string; readonly status: string }): ScheduledRunOutcome {
  if (outcome.status === 'completed' || !patched('firing-fails-with-its-run')) return outcome;
  const type = outcome.status === 'cancelled' ? RUN_CANCELLED_FAILURE_TYPE : RUN_END_FAILURE_TYPES[outcome.status as keyof typeof RUN_END_FAILURE_TYPES];
  throw ApplicationFailure.create({
    type: type ?? 'RunNotCompleted',
    message: `Run ${outcome.runId} ended ${outcome.status}`,
    nonRetryable: true,
    details: [outcome],
  });
}
