import type { DataSource, EntityManager } from '@yardmaster/read-models';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EventEnvelope } from '@yardmaster/contracts';

/**
 * Applies an event exactly once: its id goes into `applied_events` in the same transaction as its effects,
 * so a redelivery (after a crash between commit and ack) finds it there and changes nothing.
 */
export async function applyOnce<TEvent extends EventEnvelope>(
  dataSource: DataSource,
  message: StreamMessage<TEvent>,
  project: (manager: EntityManager, event: TEvent, position: number) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO applied_events (event_id, stream, stream_sequence) VALUES ($1, $2, $3)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [message.event.id, message.stream, message.streamSequence],
    );
    if (inserted.length === 0) return false;
    await project(manager, message.event, message.streamSequence);
    return true;
  });
}
