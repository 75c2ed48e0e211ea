import type { NatsConnection } from '@nats-io/nats-core';
import { durableAckFloor, streamBounds } from '@yardmaster/messaging';
import type { EntityManager } from '@yardmaster/read-models';
import { quote, tableExists } from './compare-tables';

/**
 * How far the live read models are in a stream, which a rebuild replays to (no further, so that nothing is in the
 * rebuilt tables that the live consumer will apply again after a swap). For the projection's consumer: the last
 * event it recorded as applied, or its ack floor if that is further (its applied_events past retention, or dropped).
 * Without such a consumer, the stream's end.
 */
export async function projectionPosition(manager: Pick<EntityManager, 'query'>, nc: NatsConnection, liveSchema: string, stream: string, durableName: string): Promise<number> {
  const floor = await durableAckFloor(nc, stream, durableName);
  if (floor === null) return (await streamBounds(nc, stream)).lastSequence;
  if (!(await tableExists(manager, liveSchema, 'applied_events'))) return floor;
  const [{ applied }]: Array<{ applied: string | null }> = await manager.query(`SELECT max(stream_sequence)::text AS applied FROM ${quote(liveSchema)}.applied_events WHERE stream = $1`, [stream]);
  return Math.max(floor, Number(applied ?? 0));
}
