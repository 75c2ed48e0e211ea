import type { DataSource, EntityManager } from '@yardmaster/read-models';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EventEnvelope } from '@yardmaster/contracts';
import { firstOfEachEvent } from './first-of-each-event';

/**
 * Applies a batch of events exactly once, in one transaction: their ids go into `applied_events` in one statement,
 * and only the events whose id was not there yet are projected, in stream order. A batch redelivered after a
 * crash between commit and ack finds every id there and changes nothing. Throws (rolling back the whole batch)
 * when any event cannot be applied: the consumer then applies the events one by one (applyOnce).
 */
export async function applyBatchOnce<TEvent extends EventEnvelope>(
  dataSource: DataSource,
  messages: ReadonlyArray<StreamMessage<TEvent>>,
  project: (manager: EntityManager, messages: ReadonlyArray<StreamMessage<TEvent>>) => Promise<void>,
): Promise<number> {
  const unique = firstOfEachEvent(messages);
  return dataSource.transaction(async (manager) => {
    const inserted: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO applied_events (event_id, stream, stream_sequence)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [unique.map(({ event }) => event.id), unique.map(({ stream }) => stream), unique.map(({ streamSequence }) => streamSequence)],
    );
    const fresh = new Set(inserted.map(({ event_id }) => event_id));
    const toApply = unique.filter(({ event }) => fresh.has(event.id));
    if (toApply.length > 0) await project(manager, toApply);
    return toApply.length;
  });
}

/** Projects a batch event by event with a projector of single events (inside the batch's transaction). */
export function eachInTurn<TEvent>(project: (manager: EntityManager, event: TEvent, position: number) => Promise<void>) {
  return async (manager: EntityManager, messages: ReadonlyArray<StreamMessage<TEvent>>): Promise<void> => {
    for (const message of messages) await project(manager, message.event, message.streamSequence);
  };
}
