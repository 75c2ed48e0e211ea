import { newEvent, runEventKind, subjectsFor, type RunEvent } from '@yardmaster/contracts';
import type { EventPublisher } from '@yardmaster/messaging';
import type { RunEventDraft } from '@yardmaster/workflows';

/**
 * Publishes a lifecycle event the workflow drafted. Its id is `<runId>:<type>`: each lifecycle event
 * happens once per run, so a retried publish is stored once.
 */
export function createPublishRunEvent(deps: { publisher: EventPublisher; instance: string }) {
  return async function publishRunEvent(draft: RunEventDraft): Promise<void> {
    const event = newEvent({
      id: `${draft.runId}:${draft.type}`,
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
