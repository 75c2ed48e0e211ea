import { DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';

/** What one stream's purge did: the sequence it purged below and how many events went. */
export interface StreamPurge {
  readonly stream: string;
  /** Every event with a sequence below this one is gone; 0 when nothing could be purged. */
  readonly purgedBelow: number;
  readonly purged: number;
  /** Why nothing was purged, when nothing was: `no durable consumer`, `nothing acknowledged`, `nothing old enough`. */
  readonly keptBecause?: string;
}

/**
 * Purges a stream's events that every durable consumer has acknowledged AND that are older than `olderThan`.
 * An event some durable consumer (the projection, the audit) has not acknowledged is never purged, however old:
 * the purge stops below the lowest ack floor. A stream without a durable consumer keeps everything, since nothing
 * there is known to be applied.
 */
export async function purgeProjectedEvents(nc: NatsConnection, stream: string, olderThan: Date): Promise<StreamPurge> {
  const jsm = await jetstreamManager(nc);
  const ackedBelow = await lowestAckFloor(jsm, stream);
  if (ackedBelow === null) return { stream, purgedBelow: 0, purged: 0, keptBecause: 'no durable consumer' };
  if (ackedBelow === 0) return { stream, purgedBelow: 0, purged: 0, keptBecause: 'nothing acknowledged' };
  const newerFrom = await firstSequenceAtOrAfter(nc, jsm, stream, olderThan);
  const purgeBelow = Math.min(ackedBelow + 1, newerFrom);
  const { state } = await jsm.streams.info(stream);
  if (purgeBelow <= state.first_seq) return { stream, purgedBelow: 0, purged: 0, keptBecause: newerFrom <= ackedBelow ? 'nothing old enough' : 'nothing acknowledged' };
  const { purged } = await jsm.streams.purge(stream, { seq: purgeBelow });
  return { stream, purgedBelow: purgeBelow, purged };
}

/** The lowest stream sequence acknowledged by all durable consumers (0: one has acknowledged nothing); null without any. */
async function lowestAckFloor(jsm: JetStreamManager, stream: string): Promise<number | null> {
  let lowest: number | null = null;
  for await (const consumer of jsm.consumers.list(stream)) {
    // Ephemeral consumers (live followers, ordered readers) read what is there; only durables promise to apply it.
    if (!consumer.config.durable_name) continue;
    const floor = consumer.ack_floor.stream_seq;
    lowest = lowest === null ? floor : Math.min(lowest, floor);
  }
  return lowest;
}

/** The sequence of the stream's first event stored at or after `time`; last sequence + 1 when every event is older. */
async function firstSequenceAtOrAfter(nc: NatsConnection, jsm: JetStreamManager, stream: string, time: Date): Promise<number> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return state.last_seq + 1;
  // An ordered consumer starting at `time` lets the server find the position (nats-server 2.9 has no get-by-time).
  const reader = await jetstream(nc).consumers.get(stream, { deliver_policy: DeliverPolicy.StartTime, opt_start_time: time.toISOString() });
  try {
    const first = await reader.next({ expires: 2_000 });
    return first ? first.seq : state.last_seq + 1;
  } finally {
    await reader.delete().catch(() => undefined);
  }
}
