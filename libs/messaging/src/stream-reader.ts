import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { decodeJson } from './json-codec';

/** The newest event on a subject, read directly from the stream; null when the subject has none. */
export async function readLastEvent<TEvent>(nc: NatsConnection, stream: string, subject: string): Promise<TEvent | null> {
  const jsm = await jetstreamManager(nc);
  const stored = await jsm.streams.getMessage(stream, { last_by_subj: subject });
  return stored ? decodeJson<TEvent>(stored.data) : null;
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
