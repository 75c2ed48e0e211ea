import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EventEnvelope } from '@yardmaster/contracts';
import { encodeJson } from './json-codec';
import { PipelinedPublisher } from './pipelined-publish';
import { traceHeaders } from './tracing/trace-context';

/** An event ready to go out: encoded once, so its size is known before it is sent (and re-sent). */
export interface EncodedEvent {
  readonly subject: string;
  /** The event id, sent as `msgID`: JetStream stores a re-sent event once. */
  readonly id: string;
  readonly payload: Uint8Array;
}

/** How far a batch got: its first `delivered` events are acknowledged; `error` is why the next one was not. */
export interface PublishBatchOutcome {
  readonly delivered: number;
  readonly error: unknown;
}

export function encodeEvent(subject: string, event: EventEnvelope): EncodedEvent {
  return { subject, id: event.id, payload: encodeJson(event) };
}

/** An event its producer has serialised itself (the collector writes its log entries' JSON directly). */
export function encodeEventJson(subject: string, id: string, json: string): EncodedEvent {
  // A short string goes into a slice of Node's shared 8 KB pool: no buffer of its own for each log line, as
  // TextEncoder would allocate (and the garbage collector free) at tens of thousands of lines a second.
  return { subject, id, payload: Buffer.from(json) };
}

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
