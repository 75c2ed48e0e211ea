import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { decodeJson } from './json-codec';

export interface StreamMessage<TEvent> {
  readonly event: TEvent;
  readonly subject: string;
  readonly stream: string;
  /** The message's position in its stream: a total order that replays keep. */
  readonly streamSequence: number;
  readonly redelivered: boolean;
}

export interface DurableConsumerSpec {
  readonly stream: string;
  readonly durableName: string;
  readonly filterSubject: string;
}

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

/**
 * Delivers a durable consumer's messages to `handle` one at a time, in stream order on first delivery. A
 * message is acked after `handle` resolves; when it throws, the error is reported and the message is
 * redelivered after a pause, behind the messages that followed it: handlers must not rely on strict order
 * (the projectors compare stream positions and status ranks instead).
 */
export async function consumeDurable<TEvent>(
  nc: NatsConnection,
  spec: DurableConsumerSpec,
  handle: (message: StreamMessage<TEvent>) => Promise<void>,
  onError: (error: unknown, message: StreamMessage<TEvent> | null) => void,
): Promise<{ stop(): Promise<void> }> {
  await ensureDurableConsumer(nc, spec);
  const consumer = await jetstream(nc).consumers.get(spec.stream, spec.durableName);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 256 });
  const loop = (async () => {
    for await (const msg of messages) {
      let message: StreamMessage<TEvent> | null = null;
      try {
        message = {
          event: decodeJson<TEvent>(msg.data),
          subject: msg.subject,
          stream: spec.stream,
          streamSequence: msg.seq,
          redelivered: msg.redelivered,
        };
        await handle(message);
        msg.ack();
      } catch (error) {
        onError(error, message);
        if (message === null) msg.term('undecodable event');
        else msg.nak(1000);
      }
    }
  })();
  return {
    async stop() {
      await messages.close();
      await loop;
    },
  };
}
