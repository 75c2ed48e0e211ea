import { newEvent, runEventKind, subjectsFor, type RunEvent } from '@yardmaster/contracts';
import { encodeEvent, type EncodedEvent, type EventPublisher, type RunStartClaimer } from '@yardmaster/messaging';
import type { RunEventDraft } from '@yardmaster/workflows';
import { abandonedStartFailure } from './run-start/claim-run-start';

/** The events a run can begin with, when the workflow publishes them itself: each claims the run's start first. */
const FIRST_EVENT_TYPES: ReadonlySet<string> = new Set(['run.queued', 'run.started']);

/**
 * Publishes an event the workflow drafted, under the deterministic id the workflow gave it. A run's first event
 * claims its start; a run its scheduler abandoned is refused (the local activity's retries ride out a NATS outage).
 */
export function createPublishRunEvent(deps: { publisher: EventPublisher; instance: string; startClaims: RunStartClaimer }) {
  return async function publishRunEvent(draft: RunEventDraft): Promise<void> {
    if (FIRST_EVENT_TYPES.has(draft.type) && (await deps.startClaims.claimStart(draft.runId)) === 'abandoned') throw abandonedStartFailure(draft.runId);
    const { subject, event } = runEventOf(draft, deps.instance);
    await deps.publisher.publish(subject, event);
  };
}

/** A drafted event encoded for a step's event buffer (the `run.started` a run's first step publishes). */
export function encodeRunEventDraft(draft: RunEventDraft, instance: string): EncodedEvent {
  const { subject, event } = runEventOf(draft, instance);
  return encodeEvent(subject, event);
}

function runEventOf(draft: RunEventDraft, instance: string): { subject: string; event: RunEvent } {
  const event = newEvent({
    id: draft.id,
    type: draft.type,
    occurredAt: draft.occurredAt,
    aggregateId: draft.runId,
    sequence: draft.sequence,
    correlationId: draft.correlationId,
    actor: draft.actor,
    data: draft.data,
  }) as unknown as RunEvent;
  return { subject: subjectsFor(instance).runEvent(draft.runId, runEventKind(event.type)), event };
}
