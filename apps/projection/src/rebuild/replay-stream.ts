import type { NatsConnection } from '@nats-io/nats-core';
import { readEvent } from '@yardmaster/contracts';
import { followStream, streamBounds, type StreamMessage } from '@yardmaster/messaging';
import type { DataSource } from '@yardmaster/read-models';
import type { ConsumedStream } from '../consumer/consumer-definition';
import { skipsSubject, type EventsNeeded } from './read-model-tables';

/** Events applied per transaction: as many as the live consumer takes at most, a few hundred KB of log lines. */
const REPLAY_BATCH = 1_000;
/** The events that could not be applied that a report names; the rest are counted. */
export const FAILURES_NAMED = 10;

export interface ReplayedEventFailure {
  readonly sequence: number;
  readonly subject: string;
  readonly error: string;
}

/** What one stream's replay did: where it stopped and what it applied. */
export interface StreamReplay {
  /** The last stream sequence read (applied, passed over or failed); the next replay starts after it. */
  readonly position: number;
  readonly applied: number;
  readonly failed: number;
  readonly failures: readonly ReplayedEventFailure[];
}

export interface ReplayStreamOptions {
  readonly stream: string;
  readonly filterSubject: string;
  readonly events: EventsNeeded;
  /** The replay reads the events after this sequence… */
  readonly after: number;
  /** …up to this one, included. */
  readonly until: number;
  /** Told after each batch: how far the replay is. */
  readonly onProgress?: (position: number, applied: number) => void;
}

/**
 * Applies a stream's events from `after` to `until` to the shadow tables, through the live consumer's own handlers
 * (`consumed`): checked against the contract after upcasting, as many as `REPLAY_BATCH` in one transaction, and one
 * by one when a batch fails. An event that still fails is counted and named, as the live consumer would park it,
 * and the replay goes on.
 */
export async function replayStream(nc: NatsConnection, shadow: DataSource, consumed: ConsumedStream, options: ReplayStreamOptions): Promise<StreamReplay> {
  const { stream, after, until } = options;
  let position = after;
  let applied = 0;
  const failures: ReplayedEventFailure[] = [];
  let failed = 0;
  if (until <= after || !(await holdsAfter(nc, stream, after))) return { position, applied, failed, failures };

  const fail = (message: StreamMessage<unknown>, error: unknown) => {
    failed += 1;
    if (failures.length < FAILURES_NAMED) failures.push({ sequence: message.streamSequence, subject: message.subject, error: error instanceof Error ? error.message : String(error) });
  };
  let batch: Array<StreamMessage<unknown>> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const messages = batch;
    batch = [];
    applied += await applyMessages(shadow, consumed, messages, fail);
    options.onProgress?.(position, applied);
  };

  const follower = await followStream<unknown>(nc, {
    stream,
    filterSubjects: options.filterSubject,
    from: { afterSequence: after },
    passesOver: (subject) => skipsSubject(options.events, subject) || (consumed.ignores?.(subject) ?? false),
    onUndecodable: (subject, sequence, error) => fail({ event: null, subject, stream, streamSequence: sequence, redelivered: false }, error),
  });
  try {
    for await (const message of follower) {
      if (message.streamSequence > until) break;
      position = message.streamSequence;
      if (message.event !== null) {
        const delivered: StreamMessage<unknown> = { event: message.event, subject: message.subject, stream, streamSequence: message.streamSequence, redelivered: false };
        try {
          batch.push({ ...delivered, event: readEvent(consumed.contract, message.event, `Event ${message.subject}`) });
        } catch (error) {
          fail(delivered, error);
        }
      }
      if (batch.length >= REPLAY_BATCH) await flush();
      if (message.streamSequence >= until || message.pending === 0) break;
    }
    await flush();
  } finally {
    await follower.close();
  }
  return { position: Math.max(position, until), applied, failed, failures };
}

/** Applies a batch as the live consumer does: all at once, and when that throws, one by one. The number applied. */
async function applyMessages(shadow: DataSource, consumed: ConsumedStream, messages: Array<StreamMessage<unknown>>, fail: (message: StreamMessage<unknown>, error: unknown) => void): Promise<number> {
  if (consumed.applyBatch) {
    try {
      await consumed.applyBatch(shadow, messages);
      return messages.length;
    } catch {
      // One event spoils the batch: the others still apply, one by one.
    }
  }
  let applied = 0;
  for (const message of messages) {
    try {
      await consumed.apply(shadow, message);
      applied += 1;
    } catch (error) {
      fail(message, error);
    }
  }
  return applied;
}

/** Whether the stream holds any message after `sequence` (without this, a follower would wait for one for ever). */
async function holdsAfter(nc: NatsConnection, stream: string, sequence: number): Promise<boolean> {
  const bounds = await streamBounds(nc, stream);
  return bounds.messages > 0 && bounds.lastSequence > sequence;
}
