import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type OrderedConsumerOptions } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { upcastEvent } from '@yardmaster/contracts';
import { decodeJson } from './json-codec';

/** Where a follower starts: every message, only messages stored from now on, or those after a stream sequence. */
export type FollowFrom = 'start' | 'new' | { readonly afterSequence: number };

export interface FollowStreamOptions {
  readonly stream: string;
  /** One subject or several (wildcards allowed); only messages on them are delivered. */
  readonly filterSubjects: string | readonly string[];
  readonly from: FollowFrom;
  /** Called for a message whose body is not JSON; it is skipped. */
  readonly onUndecodable?: (subject: string, streamSequence: number, error: unknown) => void;
  /** Subjects whose messages are passed over undecoded: delivered with `event` null (their position still counts). */
  readonly passesOver?: (subject: string) => boolean;
}

export interface FollowedMessage<TEvent> {
  readonly event: TEvent;
  readonly subject: string;
  /** The message's position in its stream: resume after it with `{ afterSequence }`. */
  readonly streamSequence: number;
  /** How many messages on the filter subjects the stream held after this one when it was delivered. */
  readonly pending: number;
}

/** Messages in stream order, for one reader. Ends when closed (or with an error when the consumer fails). */
export interface StreamFollower<TEvent> extends AsyncIterable<FollowedMessage<TEvent>> {
  /** Stops the consumer and ends the iteration; safe to call more than once. */
  close(): Promise<void>;
}

/** nats-server 2.10 brought consumers with several filter subjects. */
const MULTIPLE_FILTERS_SINCE: readonly number[] = [2, 10, 0];

/**
 * Follows a stream with an ordered consumer: ephemeral, unacknowledged, recreated by the client from the last
 * sequence it saw whenever it misses a message, so delivery is gap-free and in stream order. Nothing is
 * written to the stream or to a durable consumer: as many readers as wanted, each from where it likes.
 *
 * `'new'` starts after the stream's current last sequence (read once here) rather than with DeliverPolicy.New,
 * so that a consumer the client recreates before the first delivery does not restart from the beginning.
 *
 * Several filter subjects on a server older than 2.10: the consumer filters on a subject covering them all and
 * the follower drops what none of them matches.
 */
export async function followStream<TEvent>(nc: NatsConnection, options: FollowStreamOptions): Promise<StreamFollower<TEvent>> {
  const filters = typeof options.filterSubjects === 'string' ? [options.filterSubjects] : [...options.filterSubjects];
  if (filters.length === 0) throw new Error('followStream needs at least one filter subject');
  const serverFilters = filters.length === 1 || serverSupportsMultipleFilters(nc) ? filters : [coveringSubject(filters)];
  const clientFilters = serverFilters.length === filters.length ? null : filters.map(subjectMatcher);

  const afterSequence = await startAfter(nc, options.stream, options.from);
  const consumerOptions: Partial<OrderedConsumerOptions> = {
    filter_subjects: serverFilters.length === 1 ? serverFilters[0] : serverFilters,
    ...(afterSequence === 0 ? { deliver_policy: DeliverPolicy.All } : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: afterSequence + 1 }),
  };
  const consumer = await jetstream(nc).consumers.get(options.stream, consumerOptions);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: 256 }).catch(async (error: unknown) => {
    await consumer.delete().catch(() => false);
    throw error;
  });

  let closed = false;
  let removal: Promise<unknown> | null = null;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      // Stops the subscription now; the iterator itself ends when next read (its promise waits for that read).
      void messages.close();
      // The client leaves an ordered consumer to the server's inactivity threshold; remove it now.
      removal = consumer.delete().catch(() => false);
    }
    await removal;
  };

  async function* iterate(): AsyncGenerator<FollowedMessage<TEvent>> {
    try {
      for await (const msg of messages) {
        if (closed) break;
        if (clientFilters && !clientFilters.some((matches) => matches(msg.subject))) continue;
        if (options.passesOver?.(msg.subject)) {
          yield { event: null as TEvent, subject: msg.subject, streamSequence: msg.seq, pending: msg.info.pending };
          if (closed) break;
          continue;
        }
        let event: TEvent;
        try {
          // Written by an older version? Its readers see the current shape (event-contract/upcasters.ts).
          event = upcastEvent(decodeJson<unknown>(msg.data)) as TEvent;
        } catch (error) {
          options.onUndecodable?.(msg.subject, msg.seq, error);
          continue;
        }
        yield { event, subject: msg.subject, streamSequence: msg.seq, pending: msg.info.pending };
        if (closed) break;
      }
    } finally {
      await close();
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close,
  };
}

async function startAfter(nc: NatsConnection, stream: string, from: FollowFrom): Promise<number> {
  if (from === 'start') return 0;
  if (from === 'new') {
    const info = await (await jetstreamManager(nc)).streams.info(stream);
    return info.state.last_seq;
  }
  if (!Number.isSafeInteger(from.afterSequence) || from.afterSequence < 0) {
    throw new Error(`afterSequence must be a whole number from 0, not ${from.afterSequence}`);
  }
  return from.afterSequence;
}

function serverSupportsMultipleFilters(nc: NatsConnection): boolean {
  const version = (nc.info?.version ?? '0.0.0').split('-')[0].split('.').map(Number);
  for (let index = 0; index < MULTIPLE_FILTERS_SINCE.length; index++) {
    const part = version[index] ?? 0;
    if (part !== MULTIPLE_FILTERS_SINCE[index]) return part > MULTIPLE_FILTERS_SINCE[index];
  }
  return true;
}

/**
 * The narrowest single subject that matches everything the given subjects match, e.g. `a.run.*.started` and
 * `a.run.*.completed` → `a.run.*.*`; subjects of different lengths or with `>` share a prefix and then `>`.
 */
export function coveringSubject(subjects: readonly string[]): string {
  const split = subjects.map((subject) => subject.split('.'));
  const sameShape = split.every((tokens) => tokens.length === split[0].length && !tokens.includes('>'));
  if (sameShape) {
    return split[0].map((token, index) => (split.every((tokens) => tokens[index] === token) ? token : '*')).join('.');
  }
  const prefix: string[] = [];
  const shortest = Math.min(...split.map((tokens) => tokens.length));
  for (let index = 0; index < shortest; index++) {
    const token = split[0][index];
    if (token === '>' || !split.every((tokens) => tokens[index] === token)) break;
    prefix.push(token);
  }
  // Nothing in common at all: `>` covers every subject.
  return [...prefix, '>'].join('.');
}

/** Whether a concrete subject matches a NATS subject filter with `*` and `>` wildcards. */
export function subjectMatcher(filter: string): (subject: string) => boolean {
  const filterTokens = filter.split('.');
  return (subject) => {
    const tokens = subject.split('.');
    for (let index = 0; index < filterTokens.length; index++) {
      const token = filterTokens[index];
      if (token === '>') return tokens.length > index;
      if (index >= tokens.length) return false;
      if (token !== '*' && token !== tokens[index]) return false;
    }
    return tokens.length === filterTokens.length;
  };
}
