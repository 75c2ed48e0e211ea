import { newEvent, type EventEnvelope } from '@yardmaster/contracts';
import { EventRedelivery } from './event-redelivery';

function event(id: string): EventEnvelope {
  return newEvent({ id, type: 'run.requested', occurredAt: '2026-12-01T00:00:00Z', aggregateId: 'r', sequence: 1, correlationId: 'c', actor: 'a', data: {} } as never);
}

describe('EventRedelivery', () => {
  it('keeps an event NATS refused and publishes it, with the same id, once NATS takes it', async () => {
    let natsUp = false;
    const stored: string[] = [];
    const redelivery = new EventRedelivery({
      publish: (_subject, published) => {
        if (!natsUp) return Promise.reject(new Error('TIMEOUT'));
        stored.push(published.id);
        return Promise.resolve(1);
      },
    });
    await redelivery.publish('yard.runs.r.requested', event('r:run.requested'));
    expect(redelivery.waitingCount).toBe(1);
    await expect(redelivery.flush()).rejects.toThrow('TIMEOUT');
    natsUp = true;
    await redelivery.flush();
    expect(stored).toEqual(['r:run.requested']);
    expect(redelivery.waitingCount).toBe(0);
    redelivery.onApplicationShutdown();
  });
});
