/**
 * followStream against the real NATS server with JetStream (127.0.0.1:4222 unless YARD_NATS_URL), on a
 * fresh instance whose streams are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { LIFECYCLE_RUN_EVENT_TYPES, newEvent, runEventKind, streamNamesFor, subjectsFor, type EventEnvelope, type RunEventType } from '@yardmaster/contracts';
import { deleteStreams, testDependencies, uniqueInstanceName, waitFor } from '@yardmaster/testing-core';
import { connectNats, type NatsConnection } from './nats-connection';
import { ensureStreams } from './streams';
import { EventPublisher } from './event-publisher';
import { followStream, type FollowedMessage, type StreamFollower } from './follow-stream';
import { lastSequenceOn } from './stream-reader';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('fol');
const STREAMS = streamNamesFor(INSTANCE);
const SUBJECTS = subjectsFor(INSTANCE);

let nc: NatsConnection;
let jsm: JetStreamManager;
let publisher: EventPublisher;
const followers: Array<StreamFollower<EventEnvelope>> = [];

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `follow-stream-int-spec-${INSTANCE}`);
  jsm = await jetstreamManager(nc);
  publisher = new EventPublisher(nc);
  await ensureStreams(nc, INSTANCE);
});

afterAll(async () => {
  await Promise.all(followers.map((follower) => follower.close()));
  if (nc && !nc.isClosed()) {
    await deleteStreams(nc, INSTANCE);
    await nc.drain();
  }
});

let sequence = 0;
function runEvent(runId: string, type: RunEventType, data: unknown = {}): EventEnvelope {
  sequence += 1;
  return newEvent({
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    aggregateId: runId,
    sequence,
    correlationId: 'corr-follow-test',
    actor: 'system:test',
    data,
  });
}

/** Publishes each event on its run subject; returns the stream sequences, in order. */
async function publishAll(events: readonly EventEnvelope[]): Promise<number[]> {
  const positions: number[] = [];
  for (const event of events) {
    positions.push(await publisher.publish(SUBJECTS.runEvent(event.aggregateId, runEventKind(event.type as RunEventType)), event));
  }
  return positions;
}

/** A run's life: requested, started, `logs` log entries, completed. */
function aRun(runId: string, logs: number): EventEnvelope[] {
  return [
    runEvent(runId, 'run.requested'),
    runEvent(runId, 'run.started'),
    ...Array.from({ length: logs }, (_, index) => runEvent(runId, 'run.log', { message: `entry ${index + 1}` })),
    runEvent(runId, 'run.completed'),
  ];
}

async function follow(...args: Parameters<typeof followStream>): Promise<StreamFollower<EventEnvelope>> {
  const follower = await followStream<EventEnvelope>(...args);
  followers.push(follower);
  return follower;
}

/**
 * Reads a follower with timeouts. A read that timed out stays pending and is reused by the next read, so a
 * message that arrives late is not lost between two reads.
 */
const pendingReads = new WeakMap<StreamFollower<EventEnvelope>, Promise<IteratorResult<FollowedMessage<EventEnvelope>>>>();

async function readOne(follower: StreamFollower<EventEnvelope>, ms: number): Promise<IteratorResult<FollowedMessage<EventEnvelope>> | 'timeout'> {
  let pending = pendingReads.get(follower);
  if (!pending) {
    pending = follower[Symbol.asyncIterator]().next();
    pendingReads.set(follower, pending);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(ms, 0));
  });
  const result = await Promise.race([pending, timeout]);
  clearTimeout(timer);
  if (result !== 'timeout') pendingReads.delete(follower);
  return result;
}

/** The next `count` messages, failing when they do not all arrive within `timeoutMs`. */
async function take(follower: StreamFollower<EventEnvelope>, count: number, timeoutMs = 10_000): Promise<Array<FollowedMessage<EventEnvelope>>> {
  const taken: Array<FollowedMessage<EventEnvelope>> = [];
  const deadline = Date.now() + timeoutMs;
  while (taken.length < count) {
    const next = await readOne(follower, deadline - Date.now());
    if (next === 'timeout') throw new Error(`Timed out waiting for message ${taken.length + 1} of ${count}`);
    if (next.done) throw new Error(`the follower ended after ${taken.length} of ${count} messages`);
    taken.push(next.value);
  }
  return taken;
}

/** 'nothing' when no message arrives within `ms`, else what did. */
async function nothingWithin(follower: StreamFollower<EventEnvelope>, ms: number): Promise<'nothing' | FollowedMessage<EventEnvelope> | 'ended'> {
  const next = await readOne(follower, ms);
  if (next === 'timeout') return 'nothing';
  return next.done ? 'ended' : next.value;
}

async function consumerCount(): Promise<number> {
  return (await jsm.streams.info(STREAMS.runs)).state.consumer_count;
}

describe('followStream', () => {
  it("delivers one run's events in stream order, from the start, and then what is published while it follows", async () => {
    const runId = randomUUID();
    const other = randomUUID();
    const events = aRun(runId, 20);
    // Another run's events interleave in the stream but are not on this run's subjects.
    const published = events.flatMap((event, index) => (index % 5 === 0 ? [event, runEvent(other, 'run.log')] : [event]));
    const allPositions = await publishAll(published);
    const positions = allPositions.filter((_, index) => published[index].aggregateId === runId);

    const follower = await follow(nc, { stream: STREAMS.runs, filterSubjects: SUBJECTS.runEventsOf(runId), from: 'start' });
    const stored = await take(follower, events.length);

    expect(stored.map((message) => message.event)).toEqual(events);
    expect(stored.map((message) => message.subject)).toEqual(events.map((event) => SUBJECTS.runEvent(runId, runEventKind(event.type as RunEventType))));
    expect(stored.map((message) => message.streamSequence)).toEqual(positions);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const later = [runEvent(runId, 'run.log', { message: 'late 1' }), runEvent(runId, 'run.log', { message: 'late 2' })];
    const laterPositions = await publishAll(later);
    const live = await take(follower, 2);
    expect(live.map((message) => message.event.id)).toEqual(later.map((event) => event.id));
    expect(live.map((message) => message.streamSequence)).toEqual(laterPositions);
    await follower.close();
  });

  it('says how many messages follow each one, and passes over the subjects asked without decoding them', async () => {
    const runId = randomUUID();
    const events = aRun(runId, 6);
    const positions = await publishAll(events);
    const follower = await follow(nc, {
      stream: STREAMS.runs,
      filterSubjects: SUBJECTS.runEventsOf(runId),
      from: 'start',
      passesOver: (subject) => subject.endsWith('.log'),
    });
    const delivered = await take(follower, events.length);
    await follower.close();
    expect(delivered.map((message) => message.streamSequence)).toEqual(positions);
    expect(delivered.map((message) => message.pending)).toEqual(events.map((_, index) => events.length - 1 - index));
    // Log events keep their place and subject, with no event: a reader counts them without paying for their JSON.
    expect(delivered.map((message) => (message.event === null ? `passed ${message.subject.split('.').at(-1)}` : message.event.type))).toEqual(
      events.map((event) => (event.type === 'run.log' ? 'passed log' : event.type)),
    );
  });

  it('resumes after a given stream sequence with nothing missing and nothing repeated', async () => {
    const runId = randomUUID();
    const events = aRun(runId, 30);
    const positions = await publishAll(events);
    const cut = 12;

    const follower = await follow(nc, { stream: STREAMS.runs, filterSubjects: SUBJECTS.runEventsOf(runId), from: { afterSequence: positions[cut] } });
    const rest = await take(follower, events.length - cut - 1);

    expect(rest.map((message) => message.event.id)).toEqual(events.slice(cut + 1).map((event) => event.id));
    expect(rest.map((message) => message.streamSequence)).toEqual(positions.slice(cut + 1));
    // Nothing more: the last event was the run's last.
    expect(await nothingWithin(follower, 500)).toBe('nothing');
    await follower.close();

    // After the last sequence: nothing until something new arrives.
    const atEnd = await follow(nc, { stream: STREAMS.runs, filterSubjects: SUBJECTS.runEventsOf(runId), from: { afterSequence: positions.at(-1) ?? 0 } });
    expect(await nothingWithin(atEnd, 500)).toBe('nothing');
    await atEnd.close();
  });

  it('delivers only the subjects it filters on, across runs, when given several filter subjects', async () => {
    const filterSubjects = LIFECYCLE_RUN_EVENT_TYPES.map((type) => SUBJECTS.runEvent('*', runEventKind(type)));
    const follower = await follow(nc, { stream: STREAMS.runs, filterSubjects, from: 'new' });

    const first = randomUUID();
    const second = randomUUID();
    const events = [
      runEvent(first, 'run.requested'),
      runEvent(second, 'run.requested'),
      runEvent(first, 'run.started'),
      runEvent(first, 'run.log'),
      runEvent(second, 'run.started'),
      runEvent(first, 'run.progress', { total: 2, done: 1, failed: 0 }),
      runEvent(second, 'run.log'),
      runEvent(first, 'run.completed'),
      runEvent(second, 'run.failed'),
    ];
    const positions = await publishAll(events);
    const lifecycle = events.map((event, index) => ({ event, position: positions[index] })).filter(({ event }) => event.type !== 'run.log' && event.type !== 'run.progress');

    const delivered = await take(follower, lifecycle.length);
    expect(delivered.map((message) => message.event.type)).toEqual(['run.requested', 'run.requested', 'run.started', 'run.started', 'run.completed', 'run.failed']);
    expect(delivered.map((message) => message.event.id)).toEqual(lifecycle.map(({ event }) => event.id));
    expect(delivered.map((message) => message.streamSequence)).toEqual(lifecycle.map(({ position }) => position));
    // The log entry and the progress after the last lifecycle event are not delivered either.
    await publishAll([runEvent(first, 'run.log')]);
    expect(await nothingWithin(follower, 500)).toBe('nothing');
    await follower.close();
  });

  it("starts from now with 'new': what the stream held before is not delivered", async () => {
    const runId = randomUUID();
    await publishAll(aRun(runId, 3));

    const follower = await follow(nc, { stream: STREAMS.runs, filterSubjects: SUBJECTS.runEventsOf(runId), from: 'new' });
    expect(await nothingWithin(follower, 500)).toBe('nothing');

    const fresh = runEvent(runId, 'run.log', { message: 'after the follower started' });
    const [position] = await publishAll([fresh]);
    const [delivered] = await take(follower, 1);
    expect(delivered).toEqual({ event: fresh, subject: SUBJECTS.runEvent(runId, 'log'), streamSequence: position, pending: 0 });
    await follower.close();
  });

  it('ends a pending iteration and removes its consumer from the server when closed', async () => {
    await waitFor(async () => ((await consumerCount()) === 0 ? true : undefined), 5_000, 'earlier consumers to be removed');

    const follower = await follow(nc, { stream: STREAMS.runs, filterSubjects: SUBJECTS.runEventsOf(randomUUID()), from: 'start' });
    expect(await consumerCount()).toBe(1);
    const pending = readOne(follower, 5_000);

    await follower.close();
    await follower.close();

    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    await waitFor(async () => ((await consumerCount()) === 0 ? true : undefined), 5_000, 'the consumer to be removed');
  });

  it('closes while its reader is busy with a message, and delivers nothing after', async () => {
    const runId = randomUUID();
    await publishAll(aRun(runId, 10));
    const follower = await follow(nc, { stream: STREAMS.runs, filterSubjects: SUBJECTS.runEventsOf(runId), from: 'start' });
    const [first] = await take(follower, 1);
    expect(first.event.type).toBe('run.requested');

    // More messages are buffered in the client, and nobody is reading: close must not wait for a read.
    await follower.close();
    expect(await nothingWithin(follower, 2_000)).toBe('ended');
  });

  it('skips a message that is not JSON and reports it', async () => {
    const runId = randomUUID();
    const subject = SUBJECTS.runEvent(runId, 'log');
    const undecodable: Array<{ subject: string; streamSequence: number }> = [];
    const before = runEvent(runId, 'run.log', { message: 'before' });
    const after = runEvent(runId, 'run.log', { message: 'after' });
    await publishAll([before]);
    const broken = (await jetstream(nc).publish(subject, 'not json')).seq;
    await publishAll([after]);

    const follower = await follow(nc, {
      stream: STREAMS.runs,
      filterSubjects: SUBJECTS.runEventsOf(runId),
      from: 'start',
      onUndecodable: (badSubject, streamSequence) => undecodable.push({ subject: badSubject, streamSequence }),
    });
    const delivered = await take(follower, 2);
    expect(delivered.map((message) => message.event.id)).toEqual([before.id, after.id]);
    expect(undecodable).toEqual([{ subject, streamSequence: broken }]);
    await follower.close();
  });
});

describe('lastSequenceOn', () => {
  it("gives the stream sequence of a subject's newest message, wildcards included, and null when there is none", async () => {
    const runId = randomUUID();
    const positions = await publishAll(aRun(runId, 2));
    await publishAll([runEvent(randomUUID(), 'run.requested')]);

    await expect(lastSequenceOn(nc, STREAMS.runs, SUBJECTS.runEventsOf(runId))).resolves.toBe(positions.at(-1));
    await expect(lastSequenceOn(nc, STREAMS.runs, SUBJECTS.runEvent(runId, 'started'))).resolves.toBe(positions[1]);
    await expect(lastSequenceOn(nc, STREAMS.runs, SUBJECTS.runEventsOf(randomUUID()))).resolves.toBeNull();
  });
});
