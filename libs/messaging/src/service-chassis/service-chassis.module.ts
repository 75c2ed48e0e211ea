import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { LogLevel, MetricsConfig, TracingConfig } from '@yardmaster/config';
import type { ServiceName } from '@yardmaster/contracts';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { HEALTH_PING_IDENTITY, HealthPingService, SERVICE_HEALTH, type HealthPingIdentity, type ServiceHealth } from '../health-ping';
import { MessagingModule } from '../messaging.module';
import { HttpMetricsMiddleware, MetricsModule } from '../metrics';
import { HttpTracingMiddleware, TracingModule } from '../tracing';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { createServiceLog } from './service-log';
import { ShutdownLog } from './shutdown-log';

/** What the chassis needs of a service's configuration. */
export interface ServiceChassisOptions {
  readonly service: ServiceName;
  /** Its name towards NATS and on every log line (`collector@host:pid`). */
  readonly instanceId: string;
  /** `tracing`: where its traces go (`readTracingConfig`); absent or null, no tracing is installed. */
  readonly shared: { readonly instance: string; readonly natsUrl: string; readonly logLevel: LogLevel; readonly tracing?: TracingConfig };
  /** Where it serves Prometheus metrics (`readMetricsConfig`); port null serves none, the registry is there all the same. */
  readonly metrics: MetricsConfig;
  /** Its answer to health pings; without it the service answers none (the API asks, it is not asked). */
  readonly health?: ServiceHealth;
}

/**
 * What every service stands on: one NATS connection (streams ensured, drained at shutdown), the pino logger (JSON
 * lines at the configured level, the correlation id of the work under way on each), the correlation id of each
 * HTTP request, the answer to health pings, Prometheus metrics (the process's, NATS faults, and whatever the
 * service registers on METRICS_REGISTRY) on a port of their own, and OpenTelemetry tracing when configured.
 */
@Module({})
export class ServiceChassisModule implements NestModule {
  static forService(options: ServiceChassisOptions): DynamicModule {
    const { service, instanceId, shared, health, metrics } = options;
    const identity: HealthPingIdentity = { instance: shared.instance, service, instanceId };
    const log = createServiceLog({ service, instanceId, level: shared.logLevel, onTerminal: process.stdout.isTTY === true });
    // nestjs-pino builds its root logger through pino-http: handed ours, it adds nothing of its own to a line.
    const pinoHttp: PinoHttpOptions = { logger: log, autoLogging: false };
    return {
      module: ServiceChassisModule,
      imports: [
        MessagingModule.forRoot({ natsUrl: shared.natsUrl, clientName: instanceId, ensureStreamsOf: shared.instance }),
        // No route gets nestjs-pino's own request middleware: the chassis's sets the context every line reads, and
        // a line per request is more than an operator wants from the health checks alone.
        LoggerModule.forRoot({ pinoHttp, forRoutes: [] }),
        MetricsModule.forService(service, metrics),
        TracingModule.forService(service, shared.tracing ?? null),
      ],
      providers: [
        ShutdownLog,
        ...(health ? [{ provide: HEALTH_PING_IDENTITY, useValue: identity }, { provide: SERVICE_HEALTH, useValue: health }, HealthPingService] : []),
      ],
      exports: [LoggerModule, TracingModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Express 5's spelling of every path, the root included.
    consumer.apply(correlationIdMiddleware, HttpMetricsMiddleware, HttpTracingMiddleware).forRoutes('{*path}');
  }
}
