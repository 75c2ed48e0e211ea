import { TEMPORAL_ACTOR, type PlanStatus, type RunErrorInfo, type RunStatus } from '@yardmaster/contracts';

/** What a plan's status is read from: its last run as the run read model has it. */
export interface LastRunState {
  readonly status: RunStatus;
  readonly error: RunErrorInfo | null;
  readonly cancelledBy: string | null;
}

/**
 * The reconciler (apps/scheduler/src/reconcile) ends a run that the read model holds live but whose workflow is
 * gone with a corrective event: `errored` with error type `WorkflowMissing` when the workflow never started or
 * vanished, `cancelled` by `temporal` when it was terminated (or cancelled) in Temporal itself. Either way the
 * run did not end by itself: netbox_facts calls that plan `stalled`, safe to run again.
 */
const WORKFLOW_MISSING = 'WorkflowMissing';

/**
 * A plan's status from its last run (PLAN_STATUSES): none → `new`; `unprojected` (accepted by the scheduler, not yet
 * in the read model) → `queued`.
 */
export function planStatusOf(lastRun: LastRunState | 'unprojected' | null): PlanStatus {
  if (lastRun === null) return 'new';
  if (lastRun === 'unprojected') return 'queued';
  switch (lastRun.status) {
    case 'pending':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'running':
      return 'working';
    case 'completed':
      return 'completed';
    case 'errored':
      return lastRun.error?.type === WORKFLOW_MISSING ? 'stalled' : 'failed';
    case 'cancelled':
      return lastRun.cancelledBy === TEMPORAL_ACTOR ? 'stalled' : 'failed';
    case 'failed':
    case 'timed_out':
      return 'failed';
  }
}

/** While its last run is queued or working, a plan starts no other. */
export function isBusy(status: PlanStatus): boolean {
  return status === 'queued' || status === 'working';
}
