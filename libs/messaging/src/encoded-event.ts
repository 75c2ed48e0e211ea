import type { EventEnvelope } from '@yardmaster/contracts';
import { encodeJson } from './json-codec';

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
