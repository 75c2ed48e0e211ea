/**
 * Pipelined publishes across a NATS outage, against a nats-server of the test's own that the test kills and starts
 * again: while the connection is down, and after the reconnect until the batches sent before it are answered, a batch
 * is refused unsent, so that nothing the client would replay after the reconnect can overtake an earlier lost event.
 */
import { newEvent, subjectsFor } from '@yardmaster/contracts';
import { OwnNatsServer, uniqueInstanceName, waitFor } from '@yardmaster/testing-core';
import { encodeEvent, type EncodedEvent } from './encoded-event';
import { connectNats, type NatsConnection } from './nats-connection';
import { PipelinedPublisher } from './pipelined-publish';
import { ensureStreams } from './streams';

jest.setTimeout(60_000);

const INSTANCE = uniqueInstanceName('pipeout');

function events(from: number, count: number): EncodedEvent[] {
  return Array.from({ length: count }, (_, index) =>
    encodeEvent(
      subjectsFor(INSTANCE).runEvent('run-1', 'log'),
      newEvent({
        id: `run-1:run:1:log:${from + index}`,
        type: 'run.log',
        occurredAt: new Date().toISOString(),
        aggregateId: 'run-1',
        sequence: from + index,
        correlationId: 'corr',
        actor: 'test',
        data: { level: 'info', grouping: 'run', message: `line ${from + index}`, object: null, attempt: 1, loggedAt: new Date().toISOString() },
      }),
    ),
  );
}

describe('PipelinedPublisher across a NATS outage', () => {
  let server: OwnNatsServer;
  let nc: NatsConnection;
  const statuses: string[] = [];

  beforeAll(async () => {
    server = await OwnNatsServer.start();
    nc = await connectNats(server.url, 'pipelined-outage-int-spec');
    await ensureStreams(nc, INSTANCE);
    void (async () => {
      for await (const status of nc.status()) statuses.push(status.type);
    })();
  });

  afterAll(async () => {
    if (nc && !nc.isClosed()) await nc.close();
    await server?.dispose();
  });

  it('refuses a batch while the connection is down and after the reconnect until the batches sent before it are answered', async () => {
    const publisher = new PipelinedPublisher(nc, 8_000);
    await expect(publisher.publishAll(events(1, 10))).resolves.toEqual({ delivered: 10, error: null });
    // A batch to a subject no stream takes, heard by a subscriber that never answers (so no "no responders" either):
    // unanswered until the acknowledgement timeout.
    nc.subscribe(`${INSTANCE}.unanswered`);
    const unanswered = publisher.publishAll([{ ...events(100, 1)[0], subject: `${INSTANCE}.unanswered` }]);
    await new Promise((resolve) => setTimeout(resolve, 200));

    await server.kill();
    await waitFor(async () => (statuses.includes('disconnect') ? true : undefined), 20_000, 'the client to see the disconnect');
    await new Promise((resolve) => setImmediate(resolve));
    const whileDown = await publisher.publishAll(events(11, 10));
    expect(whileDown.delivered).toBe(0);
    expect(String(whileDown.error)).toContain('interrupted');

    await server.start();
    await waitFor(async () => (statuses.includes('reconnect') ? true : undefined), 20_000, 'the client to reconnect');
    await new Promise((resolve) => setImmediate(resolve));
    const beforeAnswered = await publisher.publishAll(events(11, 10));
    expect(beforeAnswered.delivered).toBe(0);
    expect(String(beforeAnswered.error)).toContain('interrupted');

    expect((await unanswered).delivered).toBe(0);
    await expect(publisher.publishAll(events(11, 10))).resolves.toEqual({ delivered: 10, error: null });
    publisher.close();
  });
});
