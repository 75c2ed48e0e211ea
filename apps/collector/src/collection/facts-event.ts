import { factsEventKind, newEvent, subjectsFor, type FactsEvent, type FactsEventType } from '@yardmaster/contracts';
import { encodeEvent, type EncodedEvent } from '@yardmaster/messaging';
import type { PlanRunScope } from '@yardmaster/workflows';

/**
 * A facts report event, encoded for a StepEventBuffer. `idSuffix` makes the id deterministic (the report, and what
 * the event says: `opened`, `<device>:entries:<part>`, …), so a repeated activity's events are stored once.
 */
export function encodeFactsEvent<TType extends FactsEventType>(
  instance: string,
  scope: PlanRunScope,
  type: TType,
  idSuffix: string,
  sequence: number,
  data: Extract<FactsEvent, { type: TType }>['data'],
): EncodedEvent {
  const event = newEvent({
    id: `${scope.runId}:facts:${idSuffix}`,
    type,
    occurredAt: new Date().toISOString(),
    aggregateId: scope.runId,
    sequence,
    correlationId: scope.correlationId,
    actor: scope.requestedBy,
    data,
  });
  return encodeEvent(subjectsFor(instance).factsEvent(scope.runId, factsEventKind(type)), event);
}
