/**
 * The step buffer against a real nats-server of the test's own, which the test kills and starts again: entries
 * written before, during and after a 5 s outage (some of them on the wire, in several batches, when it starts) are all
 * stored, once each, in the order written.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { newEvent, streamNamesFor, subjectsFor, type EventEnvelope } from '@yardmaster/contracts';
import { connectNats, decodeJson, encodeEvent, ensureStreams, EventPublisher, type NatsConnection } from '@yardmaster/messaging';
import { OwnNatsServer, uniqueInstanceName } from '@yardmaster/testing';
import { StepEventBuffer } from './step-event-buffer';

jest.setTimeout(60_000);

const INSTANCE = uniqueInstanceName('logbuf');
const OUTAGE_MS = 5_000;

describe('StepEventBuffer through a NATS outage', () => {
  let server: OwnNatsServer;
  let nc: NatsConnection;

  beforeAll(async () => {
    server = await OwnNatsServer.start();
    nc = await connectNats(server.url, 'log-buffer-int-spec');
    await ensureStreams(nc, INSTANCE);
  });

  afterAll(async () => {
    if (nc && !nc.isClosed()) await nc.close();
    await server?.dispose();
  });

  it('stores what was written during a 5 s outage once NATS is back: each entry once, in order', async () => {
    const buffer = new StepEventBuffer(new EventPublisher(nc), {
      limits: { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, giveUpAfterMs: 60_000 },
      natsAddress: `127.0.0.1:${server.port}`,
    });
    let written = 0;
    const write = () => buffer.enqueue(encodeEvent(subjectsFor(INSTANCE).runEvent('run-1', 'log'), logEvent(++written)));

    for (let index = 0; index < 200; index++) void write();
    await buffer.flush();

    // Several batches are on the wire (and more waiting) when the server goes away.
    for (let index = 0; index < 3_000; index++) void write();
    await new Promise((resolve) => setImmediate(resolve));
    await server.kill();
    const outageEnds = Date.now() + OUTAGE_MS;
    while (Date.now() < outageEnds) {
      for (let index = 0; index < 20; index++) void write();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(buffer.pendingEntries).toBeGreaterThan(0);
    await server.start();

    for (let index = 0; index < 200; index++) void write();
    await buffer.flush();

    const stored = await storedIds(nc);
    expect(stored).toEqual(Array.from({ length: written }, (_, index) => `run-1:run:1:log:${index + 1}`));
  });
});

function logEvent(sequence: number): EventEnvelope {
  return newEvent({
    id: `run-1:run:1:log:${sequence}`,
    type: 'run.log',
    occurredAt: new Date().toISOString(),
    aggregateId: 'run-1',
    sequence,
    correlationId: 'corr',
    actor: 'test',
    data: { level: 'info', grouping: 'run', message: `line ${sequence}`, object: null, attempt: 1, loggedAt: new Date().toISOString() },
  });
}

/** Every event id in the run stream, in stream order. */
async function storedIds(nc: NatsConnection): Promise<string[]> {
  const jsm = await jetstreamManager(nc);
  const stream = streamNamesFor(INSTANCE).runs;
  const { state } = await jsm.streams.info(stream);
  const ids: string[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (message) ids.push(decodeJson<EventEnvelope>(message.data).id);
  }
  return ids;
}
