import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EventEnvelope } from '@yardmaster/contracts';
import { encodeJson } from './json-codec';

/**
 * Publishes events to JetStream with the event id as `msgID`, so a retried publish is stored once.
 * Resolves only when the stream has acknowledged the event: then it is durable.
 */
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    const ack = await this.js.publish(subject, encodeJson(event), { msgID: event.id });
    return ack.seq;
  }
}
