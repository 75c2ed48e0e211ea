import { jetstreamManager, type MsgRequest, type StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { isAnyRunEventType, type ParkedEventView } from '@yardmaster/contracts';
import { ParkedHeader } from './parked-headers';

/** A parked message: what the list shows, and the original payload to apply again. */
export interface ParkedMessage {
  readonly view: ParkedEventView;
  readonly data: Uint8Array;
}

/** How many parked events the stream holds (0 when it does not exist yet). */
export async function countParked(nc: NatsConnection, parkedStream: string): Promise<number> {
  const jsm = await jetstreamManager(nc);
  return jsm.streams.info(parkedStream).then(
    (info) => info.state.messages,
    () => 0,
  );
}

/** The parked events, oldest first, at most `limit`. */
export async function listParked(nc: NatsConnection, parkedStream: string, limit: number): Promise<ParkedMessage[]> {
  const jsm = await jetstreamManager(nc);
  const found: ParkedMessage[] = [];
  let next = 1;
  while (found.length < limit) {
    // The server's "first message at or after seq" lookup skips the gaps replays leave.
    const stored = await jsm.streams.getMessage(parkedStream, { seq: next, next_by_subj: '>' } as unknown as MsgRequest).catch(() => null);
    if (stored === null) break;
    found.push(parkedMessageOf(stored));
    next = stored.seq + 1;
  }
  return found;
}

/** One parked event by id; null when there is none. */
export async function readParked(nc: NatsConnection, parkedStream: string, id: number): Promise<ParkedMessage | null> {
  const jsm = await jetstreamManager(nc);
  const stored = await jsm.streams.getMessage(parkedStream, { seq: id }).catch(() => null);
  return stored === null ? null : parkedMessageOf(stored);
}

/** Removes a parked event once it has been applied. */
export async function deleteParked(nc: NatsConnection, parkedStream: string, id: number): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.deleteMessage(parkedStream, id, false);
}

function parkedMessageOf(stored: StoredMsg): ParkedMessage {
  const header = (name: string) => stored.header?.get(name) ?? '';
  const event = eventFacts(stored.data);
  const stream = header(ParkedHeader.stream);
  return {
    data: stored.data,
    view: {
      id: stored.seq,
      stream,
      subject: header(ParkedHeader.subject),
      sequence: Number(header(ParkedHeader.sequence)),
      consumer: header(ParkedHeader.consumer),
      reason: header(ParkedHeader.reason),
      errorCode: header(ParkedHeader.errorCode) || null,
      deliveries: Number(header(ParkedHeader.deliveries)),
      parkedAt: header(ParkedHeader.parkedAt) || stored.time.toISOString(),
      eventType: event.type,
      runId: isAnyRunEventType(event.type) ? event.aggregateId : null,
    },
  };
}

function eventFacts(data: Uint8Array): { type: string | null; aggregateId: string | null } {
  try {
    const event = JSON.parse(new TextDecoder().decode(data)) as { type?: unknown; aggregateId?: unknown };
    return {
      type: typeof event.type === 'string' ? event.type : null,
      aggregateId: typeof event.aggregateId === 'string' ? event.aggregateId : null,
    };
  } catch {
    return { type: null, aggregateId: null };
  }
}
