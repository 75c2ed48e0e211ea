import { runLogBatchSchema, runLogEventsOf, type EventEnvelope, type RunLogBatch, type RunLogged, type RunProgressData } from '@yardmaster/contracts';
import { bufferOver } from './log-delivery/publish-one-by-one';
import { LOG_BATCH_LIMITS } from './run-log-batch';
import { MAX_LOG_MESSAGE_CHARS, RunLogger } from './run-logger';
import type { RunLoggerScope } from './run-logger-scope';

interface Published {
  readonly subject: string;
  readonly event: EventEnvelope;
}

/** Records what is published; each publish resolves after a delay that shrinks, so out-of-order publishing would show. */
class FakePublisher {
  readonly published: Published[] = [];
  /** The id of every event handed over, including those whose publish failed. */
  readonly attempted: string[] = [];
  calls = 0;
  failOnCall: number | null = null;

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    const call = ++this.calls;
    this.attempted.push(event.id);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - call * 5)));
    if (this.failOnCall === call) throw new Error(`publish ${call} failed`);
    this.published.push({ subject, event });
    return this.published.length;
  }

  /** The batches published, as their contract reads them. */
  get batches(): RunLogBatch[] {
    return this.published.filter(({ event }) => event.type === 'run.log_batch').map(({ event }) => runLogBatchSchema.parse(event));
  }

  /** Every log line published, as the run.log events readers see. */
  get lines(): RunLogged[] {
    return this.batches.flatMap(runLogEventsOf);
  }
}

function loggerOver(publisher: { publish(subject: string, event: EventEnvelope): Promise<unknown> }, loggerScope = scope) {
  const buffer = bufferOver(publisher);
  return Object.assign(new RunLogger(buffer, loggerScope), { flush: () => buffer.flush() });
}

const scope: RunLoggerScope = {
  instance: 'test_inst',
  runId: 'run-123',
  step: 'test_mtu',
  attempt: 2,
  actor: 'alice',
  correlationId: 'corr-9',
};

describe('RunLogger', () => {
  it('publishes entries written together as one batch on the run log subject, in the order written, with deterministic ids', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.debug('one');
    logger.info('two');
    logger.success('three');
    logger.warning('four');
    logger.failure('five');
    await logger.flush();

    expect(publisher.published.map((entry) => [entry.subject, entry.event.id])).toEqual([['test_inst.run.run-123.log_batch', 'run-123:test_mtu:2:logs:1-5']]);
    const events = publisher.lines;
    expect(events.map((event) => event.data.message)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(events.map((event) => event.data.level)).toEqual(['debug', 'info', 'success', 'warning', 'failure']);
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5].map((n) => `run-123:test_mtu:2:log:${n}`));
    expect(events.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5]);
    for (const event of events) {
      expect(event).toMatchObject({
        type: 'run.log',
        version: 1,
        aggregateId: 'run-123',
        correlationId: 'corr-9',
        causationId: null,
        actor: 'alice',
        data: { grouping: 'test_mtu', attempt: 2, object: null },
      });
      expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
      expect(Number.isNaN(Date.parse(event.data.loggedAt))).toBe(false);
    }
  });

  it('groups an entry under the grouping the job gives (masked, at most 200 characters), the step otherwise', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.info('on edge-1', { grouping: 'edge-1' });
    logger.info('the step');
    logger.info('blank', { grouping: '  ' });
    logger.info('long', { grouping: 'x'.repeat(300) });
    await logger.flush();
    expect(publisher.lines.map((event) => event.data.grouping)).toEqual(['edge-1', 'test_mtu', 'test_mtu', 'x'.repeat(200)]);
  });

  it('gives the same ids to the same entries of another logger for the same step attempt, and other ids for another attempt', async () => {
    const first = new FakePublisher();
    const again = new FakePublisher();
    const nextAttempt = new FakePublisher();
    for (const [publisher, attempt] of [
      [first, 2],
      [again, 2],
      [nextAttempt, 3],
    ] as const) {
      const logger = loggerOver(publisher, { ...scope, attempt });
      logger.info('a');
      logger.info('b');
      await logger.flush();
    }
    const ids = (publisher: FakePublisher) => [...publisher.published.map((entry) => entry.event.id), ...publisher.lines.map((event) => event.id)];
    expect(ids(again)).toEqual(ids(first));
    expect(ids(nextAttempt)).toEqual(['run-123:test_mtu:3:logs:1-2', 'run-123:test_mtu:3:log:1', 'run-123:test_mtu:3:log:2']);
  });

  it('packs consecutive entries into batches of at most 256, in order, each named by its first and last entry', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    for (let line = 1; line <= 600; line++) logger.info(`line ${line}`);
    await logger.flush();
    // Sent in this order (this fake answers later publishes sooner; JetStream stores them in the order sent).
    expect(publisher.attempted).toEqual(['run-123:test_mtu:2:logs:1-256', 'run-123:test_mtu:2:logs:257-512', 'run-123:test_mtu:2:logs:513-600']);
    const batches = publisher.batches.sort((one, other) => one.sequence - other.sequence);
    expect(batches.map((batch) => batch.sequence)).toEqual([1, 257, 513]);
    expect(batches.flatMap(runLogEventsOf).map((event) => event.data.message)).toEqual(Array.from({ length: 600 }, (_, index) => `line ${index + 1}`));
  });

  it(`keeps a batch within ${LOG_BATCH_LIMITS.maxChars} characters of entries: long lines make smaller batches`, async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    for (let line = 1; line <= 20; line++) logger.info(`${line} `.padEnd(10_000, 'x'));
    await logger.flush();
    const sizes = publisher.batches.map((batch) => batch.data.entries.length);
    expect(sizes).toEqual([6, 6, 6, 2]);
    for (const batch of publisher.batches) expect(JSON.stringify(batch.data.entries).length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.maxChars);
    expect(publisher.lines.map((event) => Number.parseInt(event.data.message, 10))).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it(`cuts a message longer than ${MAX_LOG_MESSAGE_CHARS} characters, saying how much was left out, and sends it alone`, async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.info('before');
    logger.info('y'.repeat(MAX_LOG_MESSAGE_CHARS + 2_345));
    logger.info('after');
    await logger.flush();
    expect(publisher.batches.map((batch) => batch.data.entries.map((entry) => entry.message.length))).toEqual([[6], [MAX_LOG_MESSAGE_CHARS + '… [2345 more characters not logged]'.length], [5]]);
    expect(publisher.lines[1].data.message.endsWith('y… [2345 more characters not logged]')).toBe(true);
    for (const { event } of publisher.published) expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(1024 * 1024);
  });

  it('counts failure entries only', async () => {
    const logger = loggerOver(new FakePublisher());
    expect(logger.failureCount).toBe(0);
    logger.info('fine');
    logger.failure('bad');
    logger.warning('meh');
    logger.failure('worse');
    expect(logger.failureCount).toBe(2);
    await logger.flush();
    expect(logger.failureCount).toBe(2);
  });

  it('normalises the object an entry is about', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.info('with object', { object: { type: 'device', id: 42 as unknown as string, display: 'edge-01' } });
    logger.info('with url', { object: { type: 'interface', id: 'Gi0/1', url: 'https://x/1' } });
    await logger.flush();
    expect(publisher.lines[0].data.object).toEqual({ type: 'device', id: '42', display: 'edge-01' });
    expect(publisher.lines[1].data.object).toEqual({ type: 'interface', id: 'Gi0/1', url: 'https://x/1' });
  });

  it('flush resolves at once when nothing was written', async () => {
    const publisher = new FakePublisher();
    await loggerOver(publisher).flush();
    expect(publisher.calls).toBe(0);
  });

  it('flush waits for every publish to finish', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.info('a');
    logger.info('b');
    expect(publisher.published).toHaveLength(0);
    await logger.flush();
    expect(publisher.lines).toHaveLength(2);
  });

  it('re-sends a failed batch as it was, under the same id, until it is stored: every entry once, in order', async () => {
    const publisher = new FakePublisher();
    publisher.failOnCall = 2;
    const logger = loggerOver(publisher);
    const first = logger.info('a');
    await settle();
    // The first batch is on its way: what follows is a batch of its own, whose first publish fails.
    logger.info('b');
    logger.info('c');
    await first;
    logger.info('d');
    await logger.flush();
    expect(publisher.lines.map((event) => event.data.message)).toEqual(['a', 'b', 'c', 'd']);
    expect(publisher.attempted).toEqual(['run-123:test_mtu:2:logs:1-1', 'run-123:test_mtu:2:logs:2-3', 'run-123:test_mtu:2:logs:2-3', 'run-123:test_mtu:2:logs:4-4']);
  });
});

/** Holds every publish until the test releases it, so a test decides what is pending when. */
class GatedPublisher {
  readonly published: Array<{ subject: string; event: EventEnvelope }> = [];
  private readonly gates: Array<() => void> = [];

  get pending(): number {
    return this.gates.length;
  }

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.published.push({ subject, event });
    return this.published.length;
  }

  /** Lets the oldest held publish finish, then waits until the logger has handed over the next (if any). */
  async releaseOne(): Promise<void> {
    this.gates.shift()?.();
    await settle();
  }

}

/** Lets queued promise callbacks run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

type Progressed = EventEnvelope<'run.progress', RunProgressData>;

describe('RunLogger progress', () => {
  it('publishes a report to the run progress subject with an id of its own sequence', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.progress({ total: 10, done: 3, failed: 1 });
    await logger.flush();

    expect(publisher.published).toHaveLength(1);
    const { subject, event } = publisher.published[0] as unknown as { subject: string; event: Progressed };
    expect(subject).toBe('test_inst.run.run-123.progress');
    expect(event).toMatchObject({
      id: 'run-123:test_mtu:2:progress:1',
      type: 'run.progress',
      sequence: 1,
      aggregateId: 'run-123',
      actor: 'alice',
      correlationId: 'corr-9',
      data: { total: 10, done: 3, failed: 1 },
    });
  });

  it('coalesces reports made while a publish is pending into one event carrying the latest values', async () => {
    const publisher = new GatedPublisher();
    const logger = loggerOver(publisher);
    logger.progress({ total: 100, done: 1 });
    await settle();
    // The first report is on its way and held.
    expect(publisher.pending).toBe(1);
    logger.progress({ total: 100, done: 2 });
    logger.progress({ total: 100, done: 3, failed: 1 });
    logger.progress({ total: 100, done: 4, failed: 2 });
    expect(publisher.pending).toBe(1);

    await publisher.releaseOne();
    expect(publisher.pending).toBe(1);
    await publisher.releaseOne();
    expect(publisher.pending).toBe(0);
    await logger.flush();

    const events = publisher.published.map(({ event }) => event as Progressed);
    expect(events.map((event) => event.id)).toEqual(['run-123:test_mtu:2:progress:1', 'run-123:test_mtu:2:progress:2']);
    expect(events.map((event) => event.data)).toEqual([
      { total: 100, done: 1, failed: 0 },
      { total: 100, done: 4, failed: 2 },
    ]);
    expect(events.map((event) => event.sequence)).toEqual([1, 2]);
  });

  it('coalesces reports waiting behind log entries, and keeps entries and reports in the order written', async () => {
    const publisher = new GatedPublisher();
    const logger = loggerOver(publisher);
    logger.info('first');
    logger.progress({ total: 5, done: 1 });
    logger.info('second');
    logger.progress({ total: 5, done: 2 });
    logger.progress({ total: 5, done: 3 });
    const flushed = logger.flush();
    await settle();
    for (let round = 0; round < 10 && publisher.pending > 0; round++) await publisher.releaseOne();
    await flushed;

    // The queued report took the latest values when its turn came; no second report was queued.
    expect(publisher.published.map(({ event }) => [event.type, event.id])).toEqual([
      ['run.log_batch', 'run-123:test_mtu:2:logs:1-1'],
      ['run.progress', 'run-123:test_mtu:2:progress:1'],
      ['run.log_batch', 'run-123:test_mtu:2:logs:2-2'],
    ]);
    expect((publisher.published[1].event as Progressed).data).toEqual({ total: 5, done: 3, failed: 0 });
  });

  it('starts a new event once the pending report has gone out', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.progress({ total: 3, done: 1 });
    await logger.flush();
    logger.progress({ total: 3, done: 2 });
    await logger.flush();
    logger.progress({ total: 3, done: 3 });
    await logger.flush();
    const events = publisher.published.map(({ event }) => event as unknown as Progressed);
    expect(events.map((event) => event.id)).toEqual([1, 2, 3].map((n) => `run-123:test_mtu:2:progress:${n}`));
    expect(events.map((event) => event.data.done)).toEqual([1, 2, 3]);
  });

  it('reports whole, non-negative counts', async () => {
    const publisher = new FakePublisher();
    const logger = loggerOver(publisher);
    logger.progress({ total: 9.7, done: -2, failed: Number.NaN });
    await logger.flush();
    expect((publisher.published[0].event as unknown as Progressed).data).toEqual({ total: 9, done: 0, failed: 0 });
  });
});
