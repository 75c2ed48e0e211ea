import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { DurableConsumerSpec } from './stream-message';

/** Creates the durable pull consumer if it is missing. Explicit acks: nothing is acknowledged before it is applied. */
export async function ensureDurableConsumer(nc: NatsConnection, spec: DurableConsumerSpec): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const exists = await jsm.consumers.info(spec.stream, spec.durableName).then(
    () => true,
    () => false,
  );
  if (exists) return;
  await jsm.consumers.add(spec.stream, {
    durable_name: spec.durableName,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    ack_wait: 30_000_000_000,
    max_ack_pending: 1000,
  });
}
