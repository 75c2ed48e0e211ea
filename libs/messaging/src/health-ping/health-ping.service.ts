import { Inject, Injectable, type InjectionToken, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/nats-core';
import { NATS_CONNECTION } from '../messaging.module';
import { HealthPing } from './health-ping';
import type { HealthPingOptions } from './health-ping-options';

/** Who answers: the same for every service, so the chassis fills it in. */
export type HealthPingIdentity = Pick<HealthPingOptions, 'instance' | 'service' | 'instanceId'>;

/** A service's own health: its checks, dependencies and facts, built from what it injects. */
export interface ServiceHealth {
  readonly inject?: readonly InjectionToken[];
  // Nest's own factory signature: the arguments are the injected tokens, in order.
  readonly useFactory: (...injected: never[]) => Omit<HealthPingOptions, keyof HealthPingIdentity>;
}

export const HEALTH_PING_IDENTITY = Symbol('HEALTH_PING_IDENTITY');
export const SERVICE_HEALTH = Symbol('SERVICE_HEALTH');

/**
 * Answers health pings from the application's start to its shutdown. What the checks need is looked up once every
 * provider exists, wherever the service declares it: the chassis that holds this service sits below the service's module.
 */
@Injectable()
export class HealthPingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private ping: HealthPing | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(HEALTH_PING_IDENTITY) private readonly identity: HealthPingIdentity,
    @Inject(SERVICE_HEALTH) private readonly health: ServiceHealth,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const injected = (this.health.inject ?? []).map((token) => this.moduleRef.get(token, { strict: false }) as never);
    this.ping = new HealthPing(this.nc, { ...this.identity, ...this.health.useFactory(...injected) });
    this.ping.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ping?.stop();
  }
}
