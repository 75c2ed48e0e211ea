import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { answerPings, type PingCheck } from '../service-ping';
import { DependencyProbe } from './dependency-probe';
import type { HealthPingOptions } from './health-ping-options';

const DEFAULT_PROBE_INTERVAL_MS = 2_000;

/** One service's answer to health pings: NATS and its own checks, its probed dependencies, its facts. */
export class HealthPing {
  private readonly probes: ReadonlyMap<string, DependencyProbe>;
  private subscription: Subscription | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: HealthPingOptions,
  ) {
    const interval = options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
    this.probes = new Map(Object.entries(options.dependencies ?? {}).map(([name, dependency]) => [name, new DependencyProbe(dependency, interval)]));
  }

  start(): void {
    for (const probe of this.probes.values()) probe.start();
    const { instance, service, instanceId, facts } = this.options;
    this.subscription = answerPings(this.nc, instance, service, instanceId, () => this.check(), facts);
  }

  async check(): Promise<PingCheck> {
    const own = Object.entries(this.options.checks ?? {});
    const results = await Promise.all(own.map(([, check]) => Promise.resolve().then(check).catch(() => false)));
    const details = { nats: !this.nc.isClosed(), ...Object.fromEntries(own.map(([name], index) => [name, results[index] === true])) };
    if (this.probes.size === 0) return details;
    const states = await Promise.all([...this.probes].map(async ([name, probe]) => [name, await probe.state()] as const));
    return { details, dependencies: Object.fromEntries(states) };
  }

  async stop(): Promise<void> {
    // Once NATS is closed there is nothing left to unsubscribe from.
    if (this.subscription && !this.nc.isClosed()) this.subscription.unsubscribe();
    this.subscription = null;
    await Promise.all([...this.probes.values()].map((probe) => probe.stop()));
  }
}
