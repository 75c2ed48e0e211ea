import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor } from '@yardmaster/contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import { countParked, NATS_CONNECTION, type ServiceHealth } from '@yardmaster/messaging';
import { READ_MODELS, type DataSource } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';

/** Ready with Postgres; parked events are reported beside, since they leave the projection degraded, not down. */
export const projectionHealth: ServiceHealth = {
  inject: [PROJECTION_CONFIG, NATS_CONNECTION, getDataSourceToken(READ_MODELS)],
  useFactory: (config: ProjectionConfig, nc: NatsConnection, dataSource: DataSource) => ({
    checks: { postgres: () => dataSource.query('SELECT 1').then(() => true) },
    facts: async () => ({ parked: await countParked(nc, streamNamesFor(config.shared.instance).parked) }),
  }),
};
