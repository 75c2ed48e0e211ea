import type { DataSource, EntityManager } from '@yardmaster/read-models';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EventEnvelope } from '@yardmaster/contracts';
import { firstOfEachEvent } from './first-of-each-event';

export interface ApplyBatchOptions<TEvent> {
  /**
   * Events whose projection is idempotent by a key of its own (a row keyed by the event id, stored with ON CONFLICT
   * DO NOTHING): they get no `applied_events` row and are always handed to the projector, which must leave one
   * already applied as it is. Log entries are: a row in `applied_events` per line doubled the writes of a log.
   */
  readonly idempotentByItself?: (event: TEvent) => boolean;
}

/**
 * Applies a batch of events exactly once, in one transaction: their ids go into `applied_events` in one statement,
 * and only the events whose id was not there yet are projected, in stream order (with the events idempotent by
 * themselves, see ApplyBatchOptions). A batch redelivered after a crash between commit and ack finds every id there
 * and changes nothing. Throws (rolling back the whole batch) when any event cannot be applied: the consumer then
 * applies the events one by one (applyOnce). Resolves to the number of events handed to the projector.
 */
export async function applyBatchOnce<TEvent extends EventEnvelope>(
  dataSource: DataSource,
  messages: ReadonlyArray<StreamMessage<TEvent>>,
  project: (manager: EntityManager, messages: ReadonlyArray<StreamMessage<TEvent>>) => Promise<unknown>,
  { idempotentByItself = () => false }: ApplyBatchOptions<TEvent> = {},
): Promise<number> {
  const unique = firstOfEachEvent(messages);
  const recorded = unique.filter(({ event }) => !idempotentByItself(event));
  return dataSource.transaction(async (manager) => {
    const fresh = await recordApplied(manager, recorded);
    const toApply = unique.filter(({ event }) => fresh.has(event.id) || idempotentByItself(event));
    if (toApply.length > 0) await project(manager, toApply);
    return toApply.length;
  });
}

/** Records the events' ids as applied; the ids that were not recorded yet. */
async function recordApplied(manager: EntityManager, messages: ReadonlyArray<StreamMessage<EventEnvelope>>): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const inserted: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO applied_events (event_id, stream, stream_sequence)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [messages.map(({ event }) => event.id), messages.map(({ stream }) => stream), messages.map(({ streamSequence }) => streamSequence)],
  );
  return new Set(inserted.map(({ event_id }) => event_id));
}

/** Projects a batch event by event with a projector of single events (inside the batch's transaction). */
export function eachInTurn<TEvent>(project: (manager: EntityManager, event: TEvent, position: number) => Promise<unknown>) {
  return async (manager: EntityManager, messages: ReadonlyArray<StreamMessage<TEvent>>): Promise<void> => {
    for (const message of messages) await project(manager, message.event, message.streamSequence);
  };
}
