/** Health pings against the real NATS server (127.0.0.1:4222 unless YARD_NATS_URL), on an instance of their own. */
import { testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { connectNats, type NatsConnection } from './nats-connection';
import { answerPings, pingEveryInstance } from './service-ping';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('ping');
let nc: NatsConnection;

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `service-ping-int-spec-${INSTANCE}`);
});

afterAll(async () => {
  await nc?.drain();
});

describe('pingEveryInstance', () => {
  it('gathers the answer of every instance of the service, ready or not', async () => {
    const subscriptions = [
      answerPings(nc, INSTANCE, 'collector', 'collector@a:1', async () => ({ nats: true, temporalWorkers: true })),
      answerPings(nc, INSTANCE, 'collector', 'collector@b:1', async () => ({ nats: true, temporalWorkers: false })),
      answerPings(nc, INSTANCE, 'projection', 'projection@a:1', async () => ({ nats: true, postgres: true })),
    ];
    try {
      const answers = await pingEveryInstance(nc, INSTANCE, 'collector', 1_500);
      expect(answers.map(({ instanceId, ready }) => ({ instanceId, ready })).sort((x, y) => x.instanceId.localeCompare(y.instanceId))).toEqual([
        { instanceId: 'collector@a:1', ready: true },
        { instanceId: 'collector@b:1', ready: false },
      ]);
    } finally {
      for (const subscription of subscriptions) subscription.unsubscribe();
    }
  });

  it('answers no instance, rather than failing, when none serves the service', async () => {
    await expect(pingEveryInstance(nc, INSTANCE, 'scheduler', 500)).resolves.toEqual([]);
  });
});
