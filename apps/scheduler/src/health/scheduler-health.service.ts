import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { answerPings, NATS_CONNECTION } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';

/** How often Temporal is probed; a ping answers with the latest probe at once, never waiting for Temporal. */
const TEMPORAL_PROBE_INTERVAL_MS = 2_000;

/** Answers health pings, reporting Temporal too: the API never talks to Temporal itself. */
@Injectable()
export class SchedulerHealthService implements OnApplicationBootstrap, OnApplicationShutdown {
  private temporalReachable = false;
  private probing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly temporal: TemporalClientProvider,
  ) {}

  onApplicationBootstrap(): void {
    this.probe();
    this.timer = setInterval(() => this.probe(), TEMPORAL_PROBE_INTERVAL_MS);
    // Temporal being down leaves the scheduler itself ready: it answers every command (with 503 naming Temporal).
    answerPings(this.nc, this.config.shared.instance, 'scheduler', this.config.schedulerId, async () => {
      if (!this.temporalReachable) await this.probing;
      const ok = this.temporalReachable;
      const address = this.temporal.address;
      return { details: { nats: !this.nc.isClosed() }, dependencies: { temporal: { ok, address, ...(ok ? {} : { reason: `Temporal at ${address} does not answer` }) } } };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.probing;
  }

  private probe(): void {
    this.probing = this.probing.then(async () => {
      this.temporalReachable = await this.temporal.isHealthy();
    });
  }
}
