import { newEvent, runEventKind, subjectsFor, type RunEvent } from '@yardmaster/contracts';
import { encodeEvent, type EncodedEvent, type EventPublisher } from '@yardmaster/messaging';
import type { RunEventDraft } from '@yardmaster/workflows';

/** Publishes an event the workflow drafted, under the deterministic id the workflow gave it. */
export function createPublishRunEvent(deps: { publisher: EventPublisher; instance: string }) {
  return async function publishRunEvent(draft: RunEventDraft): Promise<void> {
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
