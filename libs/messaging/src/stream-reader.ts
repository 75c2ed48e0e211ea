import { jetstreamManager, JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
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

/** What a stream holds now: its first and last sequences, how many messages, and when the first was stored. */
export interface StreamBounds {
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly messages: number;
  /** When the first message still held was stored; null when the stream is empty. */
  readonly firstStoredAt: Date | null;
}

export async function streamBounds(nc: NatsConnection, stream: string): Promise<StreamBounds> {
  const { state } = await (await jetstreamManager(nc)).streams.info(stream);
  return { firstSequence: state.first_seq, lastSequence: state.last_seq, messages: state.messages, firstStoredAt: state.messages > 0 ? new Date(state.first_ts) : null };
}

/** The last stream sequence a durable consumer has acknowledged, with every one before it; null when there is no such consumer. */
export async function durableAckFloor(nc: NatsConnection, stream: string, durableName: string): Promise<number | null> {
  const jsm = await jetstreamManager(nc);
  try {
    return (await jsm.consumers.info(stream, durableName)).ack_floor.stream_seq;
  } catch (error) {
    if (isConsumerNotFound(error)) return null;
    throw error;
  }
}

function isConsumerNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;
}
