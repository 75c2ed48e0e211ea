import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor } from '@yardmaster/contracts';
import { answerPings, countParked, NATS_CONNECTION } from '@yardmaster/messaging';
import { DataSource } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';

@Injectable()
export class ProjectionHealthService implements OnApplicationBootstrap {
  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const { instance } = this.config.shared;
    answerPings(
      this.nc,
      instance,
      'projection',
      this.config.projectionId,
      async () => ({
        nats: !this.nc.isClosed(),
        postgres: await this.dataSource.query('SELECT 1').then(
          () => true,
          () => false,
        ),
      }),
      async () => ({ parked: await countParked(this.nc, streamNamesFor(instance).parked) }),
    );
  }
}
