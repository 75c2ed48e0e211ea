import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';

/** How far a durable consumer is behind its stream: not delivered yet, and delivered but not acked. */
export interface ConsumerBacklog {
  readonly pending: number;
  readonly ackPending: number;
}

export async function consumerBacklog(nc: NatsConnection, stream: string, durableName: string): Promise<ConsumerBacklog> {
  const info = await (await jetstreamManager(nc)).consumers.info(stream, durableName);
  return { pending: info.num_pending, ackPending: info.num_ack_pending };
}
