import { newEvent, runEventKind, subjectsFor, type RunEvent } from '@yardmaster/contracts';
import type { EventPublisher } from '@yardmaster/messaging';
import type { RunEventDraft } from '@yardmaster/workflows';

/** Publishes an event the workflow drafted, under the deterministic id the workflow gave it. */
export function createPublishRunEvent(deps: { publisher: EventPublisher; instance: string }) {
  return async function publishRunEvent(draft: RunEventDraft): Promise<void> {
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
    await deps.publisher.publish(subjectsFor(deps.instance).runEvent(draft.runId, runEventKind(event.type)), event);
  };
}
