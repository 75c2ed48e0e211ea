/**
 * A run.requested that NATS refused (it was down just after the workflow started) reaches the stream once NATS is
 * back, once, with its id: against a nats-server of the test's own that the test kills and starts again.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { newEvent, streamNamesFor, subjectsFor, type EventEnvelope } from '@yardmaster/contracts';
import { connectNats, ensureStreams, EventPublisher, type NatsConnection } from '@yardmaster/messaging';
import { OwnNatsServer, uniqueInstanceName, waitFor } from '@yardmaster/testing';
import { EventRedelivery } from './event-redelivery';

jest.setTimeout(60_000);

describe('EventRedelivery against a NATS outage', () => {
  let server: OwnNatsServer;
  let nc: NatsConnection;
  const instance = uniqueInstanceName('r');

  beforeAll(async () => {
    server = await OwnNatsServer.start();
    nc = await connectNats(server.url, 'event-redelivery-test');
    await ensureStreams(nc, instance);
  });

  afterAll(async () => {
    await nc?.close();
    await server?.dispose();
  });

  it('publishes the refused event once NATS is back, and stores it once', async () => {
    const redelivery = new EventRedelivery(new EventPublisher(nc));
    const runId = '6a2f4f0e-3c1b-4d7a-9e55-0c1d2e3f4a5b';
    const event: EventEnvelope = newEvent({
      id: `${runId}:run.requested`,
      type: 'run.requested',
      occurredAt: new Date().toISOString(),
      aggregateId: runId,
      sequence: 1,
      correlationId: 'c-1',
      actor: 'alice',
      data: { jobId: 'examples.HelloWorld', requestedBy: 'alice', queue: 'default' },
    });
    await server.kill();
    await redelivery.publish(subjectsFor(instance).runEvent(runId, 'requested'), event);
    expect(redelivery.waitingCount).toBe(1);

    await server.start();
    await waitFor(async () => (redelivery.waitingCount === 0 ? true : undefined), 45_000, 'the event to be published after all', 250);
    // A second round (a publish whose ack was lost, say) changes nothing: the id is the stream's msgID.
    await new EventPublisher(nc).publish(subjectsFor(instance).runEvent(runId, 'requested'), event);

    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(streamNamesFor(instance).runs);
    expect(info.state.messages).toBe(1);
    const stored = await jsm.streams.getMessage(streamNamesFor(instance).runs, { last_by_subj: subjectsFor(instance).runEvent(runId, 'requested') });
    expect(stored?.json<EventEnvelope>().id).toBe(event.id);
    redelivery.onApplicationShutdown();
  });
});
