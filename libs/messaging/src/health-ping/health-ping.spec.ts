import type { NatsConnection } from '@nats-io/nats-core';
import { subjectsFor } from '@yardmaster/contracts';
import { HealthPing } from './health-ping';
import type { HealthPingOptions } from './health-ping-options';

/** Only what `check` reads of a connection: whether it is closed. */
function connection(closed = false): NatsConnection {
  return { isClosed: () => closed } as unknown as NatsConnection;
}

const base: HealthPingOptions = { instance: 'unit', service: 'projection', instanceId: 'projection@host:1' };

describe('HealthPing', () => {
  it('reports NATS and each own check, a check that throws as not ready', async () => {
    const ping = new HealthPing(connection(), {
      ...base,
      checks: { postgres: () => Promise.reject(new Error('connection refused')), temporalWorkers: () => true },
    });
    await expect(ping.check()).resolves.toEqual({ nats: true, postgres: false, temporalWorkers: true });
  });

  it('reports a closed NATS connection as not ready', async () => {
    await expect(new HealthPing(connection(true), base).check()).resolves.toEqual({ nats: false });
  });

  it('reports a probed dependency with its address, and why when it does not answer; never as not ready', async () => {
    const subscribe = jest.fn();
    const nc = { isClosed: () => false, subscribe } as unknown as NatsConnection;
    const scheduler = (isReachable: () => Promise<boolean>) =>
      new HealthPing(nc, { ...base, service: 'scheduler', probeIntervalMs: 60_000, dependencies: { temporal: { label: 'Temporal', address: '127.0.0.1:7233', isReachable } } });

    const up = scheduler(async () => true);
    up.start();
    expect(subscribe).toHaveBeenCalledWith(subjectsFor('unit').servicePing('scheduler'), expect.anything());
    // The first probe is under way: a ping waits for it rather than report a server down that was never asked.
    await expect(up.check()).resolves.toEqual({ details: { nats: true }, dependencies: { temporal: { ok: true, address: '127.0.0.1:7233' } } });
    await up.stop();

    const down = scheduler(() => Promise.reject(new Error('deadline exceeded')));
    down.start();
    await expect(down.check()).resolves.toEqual({
      details: { nats: true },
      dependencies: { temporal: { ok: false, address: '127.0.0.1:7233', reason: 'Temporal at 127.0.0.1:7233 does not answer' } },
    });
    await down.stop();
  });

  it('answers without waiting for a probe that hangs: the dependency reads as not answering', async () => {
    const nc = { isClosed: () => false, subscribe: jest.fn() } as unknown as NatsConnection;
    let answer: (reachable: boolean) => void = () => undefined;
    const hanging = new HealthPing(nc, {
      ...base,
      service: 'scheduler',
      probeIntervalMs: 60_000,
      dependencies: { temporal: { label: 'Temporal', address: '127.0.0.1:7233', isReachable: () => new Promise<boolean>((resolve) => (answer = resolve)) } },
    });
    hanging.start();
    // Before the bound, this waited for the probe, which never ends.
    await expect(hanging.check()).resolves.toEqual({
      details: { nats: true },
      dependencies: { temporal: { ok: false, address: '127.0.0.1:7233', reason: 'Temporal at 127.0.0.1:7233 does not answer' } },
    });
    answer(true);
    await hanging.stop();
  });
});
