/**
 * Pipelined publishes against the real NATS server with JetStream: a batch is stored in order and acknowledged;
 * an event re-sent with the same id is stored once; a batch that reaches an event no stream takes reports the
 * acknowledged prefix and why the next one failed.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { newEvent, streamNamesFor, subjectsFor, type EventEnvelope } from '@yardmaster/contracts';
import { deleteStreams, testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { randomUUID } from 'node:crypto';
import { encodeEvent } from './encoded-event';
import { decodeJson } from './json-codec';
import { connectNats, type NatsConnection } from './nats-connection';
import { PipelinedPublisher } from './pipelined-publish';
import { ensureStreams } from './streams';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('pipe');
const SUBJECTS = subjectsFor(INSTANCE);
const STREAMS = streamNamesFor(INSTANCE);

let nc: NatsConnection;
let publisher: PipelinedPublisher;

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `pipelined-publish-int-spec-${INSTANCE}`);
  await ensureStreams(nc, INSTANCE);
  publisher = new PipelinedPublisher(nc, 2_000);
});

afterAll(async () => {
  publisher?.close();
  if (nc && !nc.isClosed()) {
    await deleteStreams(nc, INSTANCE);
    await nc.drain();
  }
});

function logEvent(runId: string, line: number): EventEnvelope {
  return newEvent({
    id: randomUUID(),
    type: 'run.log',
    aggregateId: runId,
    actor: 'system:test',
    occurredAt: new Date().toISOString(),
    sequence: line,
    correlationId: `corr-${runId}`,
    data: { level: 'info', grouping: 'run', message: `line ${line}`, object: null, attempt: 1, loggedAt: new Date().toISOString() },
  });
}

async function storedMessages(runId: string): Promise<string[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(STREAMS.runs);
  const messages: string[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const stored = await jsm.streams.getMessage(STREAMS.runs, { seq }).catch(() => null);
    if (!stored || !stored.subject.includes(runId)) continue;
    messages.push(decodeJson<{ data: { message: string } }>(stored.data).data.message);
  }
  return messages;
}

describe('PipelinedPublisher', () => {
  it('stores a batch in order, acknowledged, and an event sent again once', async () => {
    const runId = randomUUID();
    const events = Array.from({ length: 300 }, (_, index) => encodeEvent(SUBJECTS.runEvent(runId, 'log'), logEvent(runId, index)));

    await expect(publisher.publishAll(events)).resolves.toEqual({ delivered: 300, error: null });
    await expect(publisher.publishAll(events.slice(0, 10))).resolves.toEqual({ delivered: 10, error: null });

    expect(await storedMessages(runId)).toEqual(events.map((_, index) => `line ${index}`));
  });

  it('reports the acknowledged prefix and the reason when an event has no stream to go to', async () => {
    const runId = randomUUID();
    const stored = [0, 1, 2].map((line) => encodeEvent(SUBJECTS.runEvent(runId, 'log'), logEvent(runId, line)));
    const nowhere = encodeEvent(`${INSTANCE}.nowhere.${runId}`, logEvent(runId, 3));

    const outcome = await publisher.publishAll([...stored, nowhere, encodeEvent(SUBJECTS.runEvent(runId, 'log'), logEvent(runId, 4))]);

    expect(outcome.delivered).toBe(3);
    expect(outcome.error).toBeInstanceOf(Error);
    expect((outcome.error as Error).message).toContain('JetStream answered 503');
  });
});
