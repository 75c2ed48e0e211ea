import { TEMPORAL_ACTOR, type RunEvent } from '@yardmaster/contracts';
import { entryOf, isPerson, type AuditEntry } from './audit-entry';

/**
 * A run someone asked for or cancelled, or a cancel done in Temporal's UI. Runs a schedule started are left out:
 * the person's action was the schedule. The run's data stays out of the entry, sensitive or not.
 */
export function runAuditEntry(event: RunEvent): AuditEntry | null {
  const target = { targetType: 'run', targetId: event.aggregateId };
  switch (event.type) {
    case 'run.requested': {
      const { jobId, queue, commit, scheduleId, startAt, runAs } = event.data;
      if (scheduleId || !isPerson(event.actor)) return null;
      const details: Record<string, unknown> = { jobId, queue, commit };
      if (runAs) details.runAs = runAs;
      if (startAt) details.startAt = startAt;
      const later = startAt ? `, to start at ${startAt}` : '';
      return entryOf(event, { ...target, summary: `ran ${jobId} (run ${event.aggregateId}${later})`, details });
    }
    case 'run.cancel_requested':
      if (!isPerson(event.data.by)) return null;
      return entryOf(event, { ...target, actor: event.data.by, summary: `cancelled run ${event.aggregateId}` });
    case 'run.cancelled': {
      // A cancel someone asked for through the API is already recorded by its run.cancel_requested.
      if (event.data.cancelledBy !== TEMPORAL_ACTOR) return null;
      const reason = event.data.reason ?? 'cancelled in Temporal';
      return entryOf(event, { ...target, actor: TEMPORAL_ACTOR, summary: `cancelled run ${event.aggregateId}: ${reason}`, details: { reason } });
    }
    default:
      return null;
  }
}
