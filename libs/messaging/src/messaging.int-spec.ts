/**
 * The messaging helpers against the real NATS server with JetStream (127.0.0.1:4222 unless YARD_NATS_URL).
 * Every subject and stream belongs to a fresh instance name; the streams are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/nats-core';
import {
  anyEventSchema,
  cancelRunCommandSchema,
  ErrorCode,
  newEvent,
  runEventSchema,
  streamNamesFor,
  subjectsFor,
  YardError,
  type EventEnvelope,
  type FieldError,
} from '@yardmaster/contracts';
import { z } from 'zod';
import { deleteStreams, testDependencies, uniqueInstanceName, waitFor } from '@yardmaster/testing-core';
import { connectNats, type NatsConnection } from './nats-connection';
import { ensureStreams } from './streams';
import { EventPublisher } from './event-publisher';
import { serveCommand } from './command-server';
import { sendCommand } from './command-client';
import { consumeDurable, type StreamMessage } from './durable-consumer';
import { readLastEvent } from './stream-reader';
import { listParked } from './parked-events';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('msg');
const STREAMS = streamNamesFor(INSTANCE);
const SUBJECTS = subjectsFor(INSTANCE);

let nc: NatsConnection;
let jsm: JetStreamManager;
let publisher: EventPublisher;
const subscriptions: Subscription[] = [];

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `messaging-int-spec-${INSTANCE}`);
  jsm = await jetstreamManager(nc);
  publisher = new EventPublisher(nc);
});

afterAll(async () => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  if (nc && !nc.isClosed()) {
    await deleteStreams(nc, INSTANCE);
    await nc.drain();
  }
});

let sequence = 0;
function runEvent(runId: string, type: string, data: unknown = {}): EventEnvelope {
  sequence += 1;
  return newEvent({
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    aggregateId: runId,
    sequence,
    correlationId: 'corr-messaging-test',
    actor: 'system:test',
    data,
  });
}

function kindOf(event: EventEnvelope): string {
  return event.type.slice('run.'.length);
}

async function publishRunEvent(event: EventEnvelope): Promise<number> {
  return publisher.publish(SUBJECTS.runEvent(event.aggregateId, kindOf(event)), event);
}

describe('ensureStreams', () => {
  it('creates the instance streams and can be called again without harm', async () => {
    await ensureStreams(nc, INSTANCE);
    await ensureStreams(nc, INSTANCE);

    const runs = await jsm.streams.info(STREAMS.runs);
    const catalog = await jsm.streams.info(STREAMS.catalog);
    expect(STREAMS.runs).toBe(`${INSTANCE.toUpperCase()}_RUNS`);
    expect(STREAMS.catalog).toBe(`${INSTANCE.toUpperCase()}_CATALOG`);
    expect(runs.config.subjects).toEqual([SUBJECTS.runEvents]);
    expect(catalog.config.subjects).toEqual([SUBJECTS.catalogEvents]);
    expect(runs.config.duplicate_window).toBeGreaterThan(0);

    const names: string[] = [];
    for await (const name of jsm.streams.names()) names.push(name);
    expect(names.filter((name) => name === STREAMS.runs || name === STREAMS.catalog).sort()).toEqual([STREAMS.catalog, STREAMS.runs].sort());
  });
});

describe('EventPublisher', () => {
  beforeAll(() => ensureStreams(nc, INSTANCE));

  it('stores an event published twice with the same id once', async () => {
    await jsm.streams.purge(STREAMS.runs);
    const event = runEvent(randomUUID(), 'run.requested', { jobId: 'demo.Job' });

    const first = await publishRunEvent(event);
    const second = await publishRunEvent(event);

    expect(second).toBe(first);
    const info = await jsm.streams.info(STREAMS.runs);
    expect(info.state.messages).toBe(1);
  });
});

describe('sendCommand and serveCommand', () => {
  const unexpected: unknown[] = [];

  it('returns the value the handler resolves with', async () => {
    const subject = `${INSTANCE}.cmd.echo`;
    subscriptions.push(
      serveCommand<{ name: string }, { greeting: string }>(
        nc,
        subject,
        'echo',
        z.object({ name: z.string() }),
        async (command) => ({ greeting: `hello ${command.name}` }),
        (error) => unexpected.push(error),
      ),
    );
    await nc.flush();

    const value = await sendCommand<{ greeting: string }>(nc, subject, { name: 'yard' }, { timeoutMs: 5000, serviceName: 'echo' });

    expect(value).toEqual({ greeting: 'hello yard' });
    expect(unexpected).toEqual([]);
  });

  it('rejects with the code and field errors of the YardError the handler threw', async () => {
    const subject = `${INSTANCE}.cmd.validate`;
    const fieldErrors: FieldError[] = [
      { field: 'data.count', message: 'must be at least 1' },
      { field: 'jobId', message: 'is required' },
    ];
    subscriptions.push(
      serveCommand(
        nc,
        subject,
        'validate',
        z.unknown(),
        async () => {
          throw new YardError(ErrorCode.ValidationFailed, 'The run data is not valid', fieldErrors);
        },
        (error) => unexpected.push(error),
      ),
    );
    await nc.flush();

    const error = await sendCommand(nc, subject, { jobId: '' }, { timeoutMs: 5000, serviceName: 'validator' }).then(
      () => null,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(YardError);
    expect((error as YardError).code).toBe(ErrorCode.ValidationFailed);
    expect((error as YardError).message).toBe('The run data is not valid');
    expect((error as YardError).fieldErrors).toEqual(fieldErrors);
    // A YardError is an expected refusal, not an unexpected failure of the service.
    expect(unexpected).toEqual([]);
  });

  it('rejects with SERVICE_UNAVAILABLE when nothing serves the subject, without waiting for the timeout', async () => {
    const subject = `${INSTANCE}.cmd.nobody`;

    const error = await sendCommand(nc, subject, {}, { timeoutMs: 5000, serviceName: 'nobody' }).then(
      () => null,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(YardError);
    expect((error as YardError).code).toBe(ErrorCode.ServiceUnavailable);
    // "not running" is the no-responders answer; a timeout would say "did not answer within 5000 ms".
    expect((error as YardError).message).toBe('The nobody service is not running');
  });
});

describe('serveCommand with a command that does not match its contract', () => {
  it('answers MALFORMED_REQUEST naming each field, and never calls the handler', async () => {
    const subject = `${INSTANCE}.cmd.cancel`;
    const handled: unknown[] = [];
    const unexpected: unknown[] = [];
    subscriptions.push(serveCommand(nc, subject, 'cancel', cancelRunCommandSchema, async (command) => void handled.push(command), (error) => unexpected.push(error)));
    await nc.flush();

    const error = await sendCommand(nc, subject, { meta: { actor: 'alice' }, runId: 42 }, { timeoutMs: 5000, serviceName: 'scheduler' }).then(
      () => null,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(YardError);
    expect((error as YardError).code).toBe(ErrorCode.MalformedRequest);
    expect((error as YardError).fieldErrors?.map((fieldError) => fieldError.field).sort()).toEqual(['meta.correlationId', 'runId']);
    expect(handled).toEqual([]);
    // A malformed request is the caller's fault: answered, not logged as the service's failure.
    expect(unexpected).toEqual([]);
  });

  it('gives the handler the command as its contract reads it', async () => {
    const subject = `${INSTANCE}.cmd.cancel-ok`;
    subscriptions.push(serveCommand(nc, subject, 'cancel', cancelRunCommandSchema, async (command) => ({ runId: command.runId, actor: command.meta.actor }), () => undefined));
    await nc.flush();

    const value = await sendCommand(nc, subject, { meta: { actor: 'alice', correlationId: 'c-1' }, runId: 'r-1' }, { timeoutMs: 5000, serviceName: 'scheduler' });

    expect(value).toEqual({ runId: 'r-1', actor: 'alice' });
  });
});

describe('sendCommand with a reply that is no command reply', () => {
  it('rejects with INTERNAL saying what was wrong, instead of returning it as a value', async () => {
    const subject = `${INSTANCE}.cmd.garbled`;
    const subscription = nc.subscribe(subject, { callback: (_error, msg) => void msg.respond(new TextEncoder().encode(JSON.stringify({ value: 'no ok flag' }))) });
    subscriptions.push(subscription);
    await nc.flush();

    const error = await sendCommand(nc, subject, {}, { timeoutMs: 5000, serviceName: 'garbled' }).then(
      () => null,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(YardError);
    expect((error as YardError).code).toBe(ErrorCode.Internal);
    expect((error as YardError).message).toContain("The garbled service's reply does not match its contract");
  });
});

describe('consumeDurable', () => {
  beforeAll(() => ensureStreams(nc, INSTANCE));

  it('delivers in stream order and redelivers a message whose handler threw', async () => {
    const runId = randomUUID();
    const events = [
      runEvent(runId, 'run.requested'),
      runEvent(runId, 'run.started'),
      runEvent(runId, 'run.log'),
      runEvent(runId, 'run.completed'),
    ];
    const positions: number[] = [];
    for (const event of events) positions.push(await publishRunEvent(event));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const failOnce = events[1].id;
    const deliveries: Array<{ id: string; streamSequence: number; redelivered: boolean; subject: string; stream: string }> = [];
    const handled: string[] = [];
    const errors: Array<Record<string, unknown>> = [];
    let failed = false;

    const consumer = await consumeDurable<EventEnvelope>(
      nc,
      { stream: STREAMS.runs, durableName: `${INSTANCE}_test_consumer`, filterSubject: SUBJECTS.runEventsOf(runId) },
      {
        redelivery: { maxDeliveries: 5, firstDelayMs: 1_000, maxDelayMs: 1_000 },
        parkSubject: SUBJECTS.parkedEvent(`${INSTANCE}_test_consumer`),
        contract: anyEventSchema,
        log: { log: () => undefined, warn: (fields) => errors.push(fields), error: (fields) => errors.push(fields) },
        handle: async (message: StreamMessage<EventEnvelope>) => {
          deliveries.push({
            id: message.event.id,
            streamSequence: message.streamSequence,
            redelivered: message.redelivered,
            subject: message.subject,
            stream: message.stream,
          });
          if (message.event.id === failOnce && !failed) {
            failed = true;
            throw new Error('transient failure');
          }
          handled.push(message.event.id);
        },
      },
    );
    try {
      await waitFor(async () => (handled.length === events.length ? true : undefined), 15_000, 'every event to be handled');
    } finally {
      await consumer.stop();
    }

    // First deliveries come in stream order, with the message's real stream position.
    const firstDeliveries = deliveries.filter((delivery) => !delivery.redelivered);
    expect(firstDeliveries.map((delivery) => delivery.id)).toEqual(events.map((event) => event.id));
    expect(firstDeliveries.map((delivery) => delivery.streamSequence)).toEqual(positions);
    expect(firstDeliveries.map((delivery) => delivery.subject)).toEqual(events.map((event) => SUBJECTS.runEvent(runId, kindOf(event))));
    expect(new Set(deliveries.map((delivery) => delivery.stream))).toEqual(new Set([STREAMS.runs]));

    // The failed message came again, marked redelivered, and was then handled; every event was handled once.
    const redeliveries = deliveries.filter((delivery) => delivery.redelivered);
    expect(redeliveries).toEqual([expect.objectContaining({ id: failOnce, streamSequence: positions[1], redelivered: true })]);
    expect([...handled].sort()).toEqual(events.map((event) => event.id).sort());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ err: expect.objectContaining({ message: 'transient failure' }) });

    // Everything was acked: nothing is left pending for the durable. Acks are fire-and-forget, so the server
    // may count the last one a moment after the handler returned.
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(STREAMS.runs, `${INSTANCE}_test_consumer`);
        return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
      },
      5_000,
      'the durable to have no unacknowledged message',
    );
  });
});

describe('consumeDurable with a message that is not JSON', () => {
  beforeAll(() => ensureStreams(nc, INSTANCE));

  it('parks it at once with the reason and acks it, and goes on with the next one', async () => {
    const runId = randomUUID();
    const durableName = `${INSTANCE}_undecodable_consumer`;
    await jetstream(nc).publish(SUBJECTS.runEvent(runId, 'log'), 'not json');
    const next = runEvent(runId, 'run.log');
    await publishRunEvent(next);
    const handled: string[] = [];
    const consumer = await consumeDurable<EventEnvelope>(
      nc,
      { stream: STREAMS.runs, durableName, filterSubject: SUBJECTS.runEventsOf(runId) },
      {
        redelivery: { maxDeliveries: 5, firstDelayMs: 100, maxDelayMs: 100 },
        parkSubject: SUBJECTS.parkedEvent(durableName),
        contract: anyEventSchema,
        log: { log: () => undefined, warn: () => undefined, error: () => undefined },
        handle: async (message) => void handled.push(message.event.id),
      },
    );
    try {
      await waitFor(async () => (handled.length === 1 ? true : undefined), 10_000, 'the next event to be handled');
      const parked = await waitFor(async () => {
        const found = await listParked(nc, STREAMS.parked, 10);
        return found.some((message) => message.view.consumer === durableName) ? found.filter((message) => message.view.consumer === durableName) : undefined;
      }, 10_000, 'the message to be parked');
      expect(parked).toHaveLength(1);
      expect(parked[0].view).toMatchObject({ stream: STREAMS.runs, subject: SUBJECTS.runEvent(runId, 'log'), deliveries: 1, eventType: null, runId: null });
      expect(new TextDecoder().decode(parked[0].data)).toBe('not json');
    } finally {
      await consumer.stop();
    }
    expect(handled).toEqual([next.id]);
  });
});

describe('consumeDurable with an event that does not match its contract', () => {
  beforeAll(() => ensureStreams(nc, INSTANCE));

  it('parks it at once with MALFORMED_REQUEST and the fields, never handles it, and goes on with the next one', async () => {
    const runId = randomUUID();
    const durableName = `${INSTANCE}_malformed_consumer`;
    // A log entry without its level, attempt and time: JSON, an envelope, but no run.log.
    const malformed = runEvent(runId, 'run.log', { grouping: 'run', message: 'hello', object: null });
    await publishRunEvent(malformed);
    const next = runEvent(runId, 'run.log', { level: 'info', grouping: 'run', message: 'fine', object: null, attempt: 1, loggedAt: new Date().toISOString() });
    await publishRunEvent(next);
    const handled: string[] = [];
    const consumer = await consumeDurable(
      nc,
      { stream: STREAMS.runs, durableName, filterSubject: SUBJECTS.runEventsOf(runId) },
      {
        redelivery: { maxDeliveries: 5, firstDelayMs: 100, maxDelayMs: 100 },
        parkSubject: SUBJECTS.parkedEvent(durableName),
        contract: runEventSchema,
        log: { log: () => undefined, warn: () => undefined, error: () => undefined },
        handle: async (message) => void handled.push(message.event.id),
      },
    );
    try {
      await waitFor(async () => (handled.length === 1 ? true : undefined), 10_000, 'the next event to be handled');
      const parked = await waitFor(async () => {
        const found = await listParked(nc, STREAMS.parked, 20);
        const mine = found.filter((message) => message.view.consumer === durableName);
        return mine.length > 0 ? mine : undefined;
      }, 10_000, 'the malformed event to be parked');
      expect(parked).toHaveLength(1);
      expect(parked[0].view).toMatchObject({ subject: SUBJECTS.runEvent(runId, 'log'), deliveries: 1, errorCode: ErrorCode.MalformedRequest, eventType: 'run.log', runId });
      expect(parked[0].view.reason).toContain('data.level');
      expect(parked[0].view.reason).toContain('data.loggedAt');
    } finally {
      await consumer.stop();
    }
    expect(handled).toEqual([next.id]);
  });
});

describe('readLastEvent', () => {
  beforeAll(() => ensureStreams(nc, INSTANCE));

  it('returns the newest event on a subject', async () => {
    const runId = randomUUID();
    const subject = SUBJECTS.runEvent(runId, 'log');
    const older = runEvent(runId, 'run.log', { message: 'first' });
    const newer = runEvent(runId, 'run.log', { message: 'second' });
    await publisher.publish(subject, older);
    await publisher.publish(subject, newer);
    // Another subject's later event is not this subject's newest.
    await publishRunEvent(runEvent(randomUUID(), 'run.log', { message: 'elsewhere' }));

    await expect(readLastEvent(nc, STREAMS.runs, subject, anyEventSchema)).resolves.toEqual(newer);
  });

  it('refuses an event that does not match its contract with MALFORMED_REQUEST', async () => {
    const runId = randomUUID();
    await publishRunEvent(runEvent(runId, 'run.requested', { jobId: 'demo.Job' }));

    await expect(readLastEvent(nc, STREAMS.runs, SUBJECTS.runEvent(runId, 'requested'), runEventSchema)).rejects.toMatchObject({
      code: ErrorCode.MalformedRequest,
      fieldErrors: expect.arrayContaining([{ field: 'data.workflowId', message: expect.any(String) }]),
    });
  });

  it('returns null for a subject with no events', async () => {
    await expect(readLastEvent(nc, STREAMS.runs, SUBJECTS.runEvent(randomUUID(), 'completed'), anyEventSchema)).resolves.toBeNull();
  });
});

describe('consumeDurable with a batch handler, unreadable and ignored messages among the events', () => {
  beforeAll(() => ensureStreams(nc, INSTANCE));

  it('applies the readable events in stream order, parks the unreadable ones once each, and never hands over an ignored one', async () => {
    const runId = randomUUID();
    const durableName = `${INSTANCE}_batch_consumer`;
    const logged = (message: string) => runEvent(runId, 'run.log', { level: 'info', grouping: 'run', message, object: null, attempt: 1, loggedAt: new Date().toISOString() });
    const good = [logged('one'), logged('two'), logged('three')];
    // Published before the consumer starts, so that they arrive together: read on arrival, applied in batches.
    await publishRunEvent(good[0]);
    await jetstream(nc).publish(SUBJECTS.runEvent(runId, 'log'), 'not json');
    await publishRunEvent(runEvent(runId, 'run.log', { grouping: 'run', message: 'no level' }));
    await publishRunEvent(good[1]);
    await publishRunEvent(runEvent(runId, 'run.progress', { total: 3, done: 1, failed: 0 }));
    await publishRunEvent(good[2]);
    const batches: string[][] = [];
    const consumer = await consumeDurable(
      nc,
      { stream: STREAMS.runs, durableName, filterSubject: SUBJECTS.runEventsOf(runId) },
      {
        redelivery: { maxDeliveries: 5, firstDelayMs: 100, maxDelayMs: 100 },
        parkSubject: SUBJECTS.parkedEvent(durableName),
        contract: runEventSchema,
        ignores: (subject) => subject.endsWith('.progress'),
        log: { log: () => undefined, warn: () => undefined, error: () => undefined },
        handle: async (message) => void batches.push([message.event.id]),
        handleBatch: async (messages) => void batches.push(messages.map((message) => message.event.id)),
      },
    );
    try {
      await waitFor(async () => (batches.flat().length === good.length ? true : undefined), 10_000, 'the readable events to be applied');
      const parked = await waitFor(async () => {
        const found = await listParked(nc, STREAMS.parked, 50);
        const mine = found.filter((message) => message.view.consumer === durableName);
        return mine.length === 2 ? mine : undefined;
      }, 10_000, 'both unreadable messages to be parked');
      expect(parked.map((message) => message.view.deliveries)).toEqual([1, 1]);
      await waitFor(
        async () => {
          const info = await jsm.consumers.info(STREAMS.runs, durableName);
          return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
        },
        5_000,
        'every message to be acked',
      );
    } finally {
      await consumer.stop();
    }
    expect(batches.flat()).toEqual(good.map((event) => event.id));
  });
});
