import type { EventEnvelope, RunLogged } from '@yardmaster/contracts';
import type { EventPublisher } from '@yardmaster/messaging';
import { RunLogger, type RunLoggerScope } from './run-logger';

interface Published {
  readonly subject: string;
  readonly event: RunLogged;
}

/** Records what is published; each publish resolves after a delay that shrinks, so out-of-order publishing would show. */
class FakePublisher {
  readonly published: Published[] = [];
  calls = 0;
  failOnCall: number | null = null;

  async publish(subject: string, event: EventEnvelope): Promise<number> {
    const call = ++this.calls;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - call * 5)));
    if (this.failOnCall === call) throw new Error(`publish ${call} failed`);
    this.published.push({ subject, event: event as RunLogged });
    return this.published.length;
  }

  asEventPublisher(): EventPublisher {
    return this as unknown as EventPublisher;
  }
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
  it('publishes every entry to the run log subject, in the order written, with deterministic ids', async () => {
    const publisher = new FakePublisher();
    const logger = new RunLogger(publisher.asEventPublisher(), scope);
    logger.debug('one');
    logger.info('two');
    logger.success('three');
    logger.warning('four');
    logger.failure('five');
    await logger.flush();

    expect(publisher.published.map((entry) => entry.subject)).toEqual(Array(5).fill('test_inst.run.run-123.log'));
    const events = publisher.published.map((entry) => entry.event);
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

  it('gives the same ids to the same entries of another logger for the same step attempt, and other ids for another attempt', async () => {
    const first = new FakePublisher();
    const again = new FakePublisher();
    const nextAttempt = new FakePublisher();
    for (const [publisher, attempt] of [
      [first, 2],
      [again, 2],
      [nextAttempt, 3],
    ] as const) {
      const logger = new RunLogger(publisher.asEventPublisher(), { ...scope, attempt });
      logger.info('a');
      logger.info('b');
      await logger.flush();
    }
    const ids = (publisher: FakePublisher) => publisher.published.map((entry) => entry.event.id);
    expect(ids(again)).toEqual(ids(first));
    expect(ids(nextAttempt)).toEqual(['run-123:test_mtu:3:log:1', 'run-123:test_mtu:3:log:2']);
  });

  it('counts failure entries only', async () => {
    const logger = new RunLogger(new FakePublisher().asEventPublisher(), scope);
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
    const logger = new RunLogger(publisher.asEventPublisher(), scope);
    logger.info('with object', { object: { type: 'device', id: 42 as unknown as string, display: 'edge-01' } });
    logger.info('with url', { object: { type: 'interface', id: 'Gi0/1', url: 'https://x/1' } });
    await logger.flush();
    expect(publisher.published[0].event.data.object).toEqual({ type: 'device', id: '42', display: 'edge-01' });
    expect(publisher.published[1].event.data.object).toEqual({ type: 'interface', id: 'Gi0/1', url: 'https://x/1' });
  });

  it('flush resolves at once when nothing was written', async () => {
    const publisher = new FakePublisher();
    await new RunLogger(publisher.asEventPublisher(), scope).flush();
    expect(publisher.calls).toBe(0);
  });

  it('flush waits for every publish to finish', async () => {
    const publisher = new FakePublisher();
    const logger = new RunLogger(publisher.asEventPublisher(), scope);
    logger.info('a');
    logger.info('b');
    expect(publisher.published).toHaveLength(0);
    await logger.flush();
    expect(publisher.published).toHaveLength(2);
  });

  it('flush rethrows the first publish error and publishes nothing after it', async () => {
    const publisher = new FakePublisher();
    publisher.failOnCall = 2;
    const logger = new RunLogger(publisher.asEventPublisher(), scope);
    logger.info('a');
    logger.info('b');
    logger.info('c');
    await expect(logger.flush()).rejects.toThrow('publish 2 failed');
    expect(publisher.calls).toBe(2);
    expect(publisher.published.map((entry) => entry.event.data.message)).toEqual(['a']);
    logger.info('d');
    await expect(logger.flush()).rejects.toThrow('publish 2 failed');
    expect(publisher.calls).toBe(2);
  });
});
