import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { readEvent, type Contract } from '@yardmaster/contracts';
import { decodeJson } from './json-codec';

/**
 * The newest event on a subject, read directly from the stream (upcast to its current version); null when the subject has none. One that does
 * not match its contract is a MALFORMED_REQUEST naming its fields, for the caller to answer with.
 */
export async function readLastEvent<TEvent>(nc: NatsConnection, stream: string, subject: string, contract: Contract<TEvent>): Promise<TEvent | null> {
  const jsm = await jetstreamManager(nc);
  const stored = await jsm.streams.getMessage(stream, { last_by_subj: subject });
  return stored ? readEvent(contract, decodeJson<unknown>(stored.data), `Event ${subject} in ${stream}`) : null;
}

/**
 * The stream sequence of the newest message on a subject (wildcards allowed: the newest of all it matches);
 * null when there is none. One lookup, nothing decoded.
 */
export async function lastSequenceOn(nc: NatsConnection, stream: string, subject: string): Promise<number | null> {
  const jsm = await jetstreamManager(nc);
  const stored = await jsm.streams.getMessage(stream, { last_by_subj: subject });
  return stored ? stored.seq : null;
}
