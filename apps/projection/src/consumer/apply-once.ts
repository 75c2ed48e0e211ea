import type { DataSource, EntityManager } from '@yardmaster/read-models';
import type { StreamMessage } from '@yardmaster/messaging';
import type { EventEnvelope } from '@yardmaster/contracts';
import { applyBatchOnce, eachInTurn } from './apply-batch-once';

/**
 * Applies an event exactly once: a batch of one (`applyBatchOnce`), so its id goes into `applied_events` in the same
 * transaction as its effects, and a redelivery (after a crash between commit and ack) finds it there and changes
 * nothing. True when it was applied now.
 */
export async function applyOnce<TEvent extends EventEnvelope>(
  dataSource: DataSource,
  message: StreamMessage<TEvent>,
  project: (manager: EntityManager, event: TEvent, position: number) => Promise<unknown>,
): Promise<boolean> {
  return (await applyBatchOnce(dataSource, [message], eachInTurn(project))) === 1;
}
