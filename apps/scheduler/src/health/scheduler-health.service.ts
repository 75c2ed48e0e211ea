import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { answerPings, NATS_CONNECTION } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';

/** Answers health pings, reporting Temporal too: the API never talks to Temporal itself. */
@Injectable()
export class SchedulerHealthService implements OnApplicationBootstrap {
  constructor(
    @Inject(SCHEDULER_CONFIG) private readonly config: SchedulerConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly temporal: TemporalClientProvider,
  ) {}

  onApplicationBootstrap(): void {
    answerPings(this.nc, this.config.shared.instance, 'scheduler', this.config.schedulerId, async () => ({
      nats: !this.nc.isClosed(),
      temporal: await this.temporal.isHealthy(),
    }));
  }
}
