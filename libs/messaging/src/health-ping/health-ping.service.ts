import { Inject, Injectable, type InjectionToken, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { NATS_CONNECTION } from '../messaging.module';
import { HealthPing } from './health-ping';
import { HEALTH_PING_OPTIONS, type HealthPingOptions } from './health-ping-options';

/** Answers health pings from the application's start to its shutdown. */
@Injectable()
export class HealthPingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly ping: HealthPing;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, @Inject(HEALTH_PING_OPTIONS) options: HealthPingOptions) {
    this.ping = new HealthPing(nc, options);
  }

  onApplicationBootstrap(): void {
    this.ping.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ping.stop();
  }
}

/** The providers a service adds to answer health pings, its options built from what it injects. */
export function healthPingProviders(options: {
  readonly inject: InjectionToken[];
  // Nest's own factory signature: the arguments are the injected tokens, in order.
  readonly useFactory: (...injected: never[]) => HealthPingOptions;
}): Provider[] {
  return [{ provide: HEALTH_PING_OPTIONS, inject: options.inject, useFactory: options.useFactory as (...injected: unknown[]) => HealthPingOptions }, HealthPingService];
}
