import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EventEnvelope } from '@yardmaster/contracts';
import type { EncodedEvent, PublishBatchOutcome } from './encoded-event';
import { encodeJson } from './json-codec';
import { PipelinedPublisher } from './pipelined-publish';
import { traceHeaders } from './tracing/trace-context';

/**
 * Publishes events to JetStream with the event id as `msgID`, so a retried publish is stored once.
 * Resolves only when the stream has acknowledged the event: then it is durable.
 */
export class EventPublisher {
  private readonly js: JetStreamClient;
  private readonly pipelined: PipelinedPublisher;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
    this.pipelined = new PipelinedPublisher(nc);
  }

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    const ack = await this.js.publish(subject, encodeJson(event), { msgID: event.id, headers: traceHeaders() });
    return ack.seq;
  }

  /**
   * Sends the events one after another on the connection without waiting for each acknowledgement (one round
   * trip for the batch, not one per event), then waits for all of them. The server stores them in the order
   * sent. Never throws: the outcome says how long the acknowledged prefix is, so the caller re-sends the rest
   * (their msgIDs make a re-send of an event that was stored after all harmless).
   */
  publishBatch(events: readonly EncodedEvent[]): Promise<PublishBatchOutcome> {
    return this.pipelined.publishAll(events);
  }
}
