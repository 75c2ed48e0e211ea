import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { answerPings, NATS_CONNECTION } from '@yardmaster/messaging';
import { COLLECTOR_CONFIG } from '../collector-config.token';
import type { CollectorConfig } from '../config';
import { CollectorWorkersService } from '../worker/collector-workers.service';

@Injectable()
export class CollectorHealthService implements OnApplicationBootstrap {
  constructor(
    @Inject(COLLECTOR_CONFIG) private readonly config: CollectorConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly workers: CollectorWorkersService,
  ) {}

  onApplicationBootstrap(): void {
    answerPings(this.nc, this.config.shared.instance, 'collector', this.config.collectorId, async () => ({
      nats: !this.nc.isClosed(),
      temporalWorkers: this.workers.isPolling(),
    }));
  }
}
