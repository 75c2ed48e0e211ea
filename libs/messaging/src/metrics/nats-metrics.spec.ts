import { Registry } from 'prom-client';
import { NatsMetrics } from './nats-metrics';

async function valuesOf(registry: Registry, name: string): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric(name)?.get();
  return Object.fromEntries((metric?.values ?? []).map((value) => [Object.values(value.labels).join(',') || '', value.value]));
}

describe('NatsMetrics', () => {
  it('counts disconnects, reconnects and faults by kind, and nothing for pings or cluster updates', async () => {
    const registry = new Registry();
    const metrics = new NatsMetrics(registry);

    metrics.observe({ type: 'disconnect', server: '127.0.0.1:4222' });
    metrics.observe({ type: 'reconnecting' });
    metrics.observe({ type: 'reconnect', server: '127.0.0.1:4222' });
    metrics.observe({ type: 'disconnect', server: '127.0.0.1:4222' });
    metrics.observe({ type: 'error', error: new Error('permissions violation') });
    metrics.observe({ type: 'staleConnection' });
    metrics.observe({ type: 'ping', pendingPings: 1 });
    metrics.observe({ type: 'update', added: ['x'] });

    await expect(valuesOf(registry, 'yard_nats_disconnects_total')).resolves.toEqual({ '': 2 });
    await expect(valuesOf(registry, 'yard_nats_reconnects_total')).resolves.toEqual({ '': 1 });
    await expect(valuesOf(registry, 'yard_nats_errors_total')).resolves.toEqual({ server_error: 1, stale_connection: 1, slow_consumer: 0 });
  });
});
