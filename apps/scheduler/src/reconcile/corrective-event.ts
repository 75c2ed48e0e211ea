import {
  newEvent,
  SYSTEM_ACTOR_PREFIX,
  TEMPORAL_ACTOR,
  type JsonValue,
  type RunOutcome,
  type RunTerminalEvent,
} from '@yardmaster/contracts';
import type { WorkflowState } from '../temporal/workflow-state';

const RECONCILER_ACTOR = `${SYSTEM_ACTOR_PREFIX}scheduler`;

/**
 * The terminal event that makes the read model agree with Temporal about a run that has ended. Its id is
 * the one the workflow itself would have used, so if the workflow's own event arrives too, only one applies.
 */
export function correctiveTerminalEvent(
  runId: string,
  state: WorkflowState,
  outcome: RunOutcome | null,
  failure: string | null,
  cancelRequestedBy: string | null = null,
): RunTerminalEvent | null {
  const base = { occurredAt: new Date().toISOString(), aggregateId: runId, sequence: 0, correlationId: runId, actor: RECONCILER_ACTOR };
  const ended = (status: RunOutcome['status'], data: Record<string, JsonValue>) =>
    newEvent({ ...base, id: `${runId}:run.${status}`, type: `run.${status}`, data }) as unknown as RunTerminalEvent;
  // A run that failed, errored or timed out fails its workflow with its outcome as the failure's detail: read it as a result.
  const closedWith = state === 'FAILED' && outcome ? 'COMPLETED' : state;
  switch (closedWith) {
    case 'COMPLETED':
      if (!outcome) return null;
      switch (outcome.status) {
        case 'completed':
          return ended('completed', { result: outcome.result });
        case 'failed':
          return ended('failed', { result: outcome.result, failureCount: outcome.failureCount });
        case 'errored':
        case 'timed_out':
          return ended(outcome.status, { result: outcome.result, error: { ...outcome.error } });
        case 'cancelled':
          return ended('cancelled', { result: outcome.result, cancelledBy: outcome.cancelledBy, step: outcome.step });
      }
      return null;
    case 'CANCELLED':
      return ended('cancelled', { result: null, cancelledBy: cancelRequestedBy ?? TEMPORAL_ACTOR, step: null, reason: 'cancelled in Temporal' });
    case 'TERMINATED':
      return ended('cancelled', { result: null, cancelledBy: TEMPORAL_ACTOR, step: null, reason: `terminated in Temporal${failure ? `: ${failure}` : ''}` });
    case 'TIMED_OUT':
      return ended('timed_out', { result: null, error: { message: 'The workflow execution timed out in Temporal', type: 'WorkflowTimeout', step: null } });
    case 'FAILED':
      return ended('errored', { result: null, error: { message: failure ?? 'The workflow failed', type: 'WorkflowFailed', step: null } });
    case 'NOT_FOUND':
      return ended('errored', { result: null, error: { message: 'The run was accepted but its workflow never started', type: 'WorkflowMissing', step: null } });
    default:
      return null;
  }
}
