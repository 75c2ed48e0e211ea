import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import type { MetricsConfig } from '@yardmaster/config';
import type { ServiceName } from '@yardmaster/contracts';
import { NATS_CONNECTION } from '../messaging.module';
import { createServiceRegistry, METRICS_REGISTRY, type Registry } from './metrics-registry';
import { HttpMetrics } from './http-metrics.middleware';
import { METRICS_CONFIG, MetricsServer } from './metrics-server';
import { NatsMetrics } from './nats-metrics';

/**
 * The service's metrics registry for any module to register its metrics on (global, like the NATS connection),
 * the server that answers Prometheus, and the NATS connection's faults counted.
 */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: ServiceName, config: MetricsConfig): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        { provide: METRICS_REGISTRY, useFactory: () => createServiceRegistry(service) },
        { provide: METRICS_CONFIG, useValue: config },
        MetricsServer,
        HttpMetrics,
        {
          provide: NatsMetrics,
          inject: [METRICS_REGISTRY, NATS_CONNECTION],
          useFactory: (registry: Registry, nc: NatsConnection) => {
            const metrics = new NatsMetrics(registry);
            metrics.follow(nc);
            return metrics;
          },
        },
      ],
      exports: [METRICS_REGISTRY, MetricsServer, HttpMetrics],
    };
  }
}
