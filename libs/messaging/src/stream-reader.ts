import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { decodeJson } from './json-codec';

/** The newest event on a subject, read directly from the stream; null when the subject has none. */
export async function readLastEvent<TEvent>(nc: NatsConnection, stream: string, subject: string): Promise<TEvent | null> {
  const jsm = await jetstreamManager(nc);
  const stored = await jsm.streams.getMessage(stream, { last_by_subj: subject });
  return stored ? decodeJson<TEvent>(stored.data) : null;
}
