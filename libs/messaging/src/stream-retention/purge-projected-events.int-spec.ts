/** Purging a stream against the real NATS server: events a durable consumer has not acknowledged are never purged. */
import { AckPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { connectNats, type NatsConnection } from '../nats-connection';
import { purgeProjectedEvents } from './purge-projected-events';

jest.setTimeout(30_000);

const STREAM = uniqueInstanceName('purge').toUpperCase();
const SUBJECT = `${STREAM.toLowerCase()}.events`;
const IN_A_MINUTE = () => new Date(Date.now() + 60_000);

let nc: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `purge-int-spec-${STREAM}`);
  jsm = await jetstreamManager(nc);
});

beforeEach(async () => {
  await jsm.streams.add({ name: STREAM, subjects: [SUBJECT] });
  const js = jetstream(nc);
  for (let index = 1; index <= 10; index++) await js.publish(SUBJECT, `event ${index}`);
});

afterEach(async () => {
  await jsm.streams.delete(STREAM);
});

afterAll(async () => {
  await nc.drain();
});

/** A durable consumer that acknowledges its first `count` events, as the projection does once they are applied. */
async function durableThatAcked(name: string, count: number): Promise<void> {
  await jsm.consumers.add(STREAM, { durable_name: name, ack_policy: AckPolicy.Explicit });
  if (count === 0) return;
  const consumer = await jetstream(nc).consumers.get(STREAM, name);
  const batch = await consumer.fetch({ max_messages: count, expires: 2_000 });
  for await (const message of batch) await message.ackAck();
}

async function sequencesLeft(): Promise<number[]> {
  const { state } = await jsm.streams.info(STREAM);
  return state.messages === 0 ? [] : Array.from({ length: state.last_seq - state.first_seq + 1 }, (_, index) => state.first_seq + index);
}

it('purges old events up to the ack floor and keeps every event not yet acknowledged', async () => {
  await durableThatAcked('projection', 4);

  const purge = await purgeProjectedEvents(nc, STREAM, IN_A_MINUTE());

  expect(purge).toEqual({ stream: STREAM, purgedBelow: 5, purged: 4 });
  expect(await sequencesLeft()).toEqual([5, 6, 7, 8, 9, 10]);
});

it('stops at the lowest ack floor of all durable consumers', async () => {
  await durableThatAcked('projection', 8);
  await durableThatAcked('audit', 3);

  const purge = await purgeProjectedEvents(nc, STREAM, IN_A_MINUTE());

  expect(purge.purged).toBe(3);
  expect(await sequencesLeft()).toEqual([4, 5, 6, 7, 8, 9, 10]);
});

it('keeps acknowledged events younger than the retention', async () => {
  await durableThatAcked('projection', 10);

  const purge = await purgeProjectedEvents(nc, STREAM, new Date(Date.now() - 60_000));

  expect(purge).toMatchObject({ purged: 0, keptBecause: 'nothing old enough' });
  expect(await sequencesLeft()).toHaveLength(10);
});

it('keeps everything while a durable consumer has acknowledged nothing, or when there is none', async () => {
  expect(await purgeProjectedEvents(nc, STREAM, IN_A_MINUTE())).toMatchObject({ purged: 0, keptBecause: 'no durable consumer' });
  await durableThatAcked('projection', 0);
  expect(await purgeProjectedEvents(nc, STREAM, IN_A_MINUTE())).toMatchObject({ purged: 0, keptBecause: 'nothing acknowledged' });
  expect(await sequencesLeft()).toHaveLength(10);
});
