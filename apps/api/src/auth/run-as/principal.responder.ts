import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { principalQuerySchema, subjectsFor, type PrincipalAnswer } from '@yardmaster/contracts';
import { actingPrincipalOf, IDENTITY } from '@yardmaster/identity';
import { errorLogFields, NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import type { DataSource } from 'typeorm';
import { API_CONFIG } from '../../api-config.token';
import type { ApiConfig } from '../../config';

/**
 * Answers `query.principal` (`PrincipalQuery` → `CommandReply<PrincipalAnswer>`): a user's current principal,
 * for the scheduler to act as a schedule's owner. The API owns identity, so others ask rather than read its
 * tables. Every API replica answers in the `api` queue group, so each query is answered once.
 */
@Injectable()
export class PrincipalResponder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PrincipalResponder.name);
  private subscription: Subscription | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @InjectDataSource(IDENTITY) private readonly identity: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = serveCommand(
      this.nc,
      subjectsFor(this.config.shared.instance).principalQuery,
      'api',
      principalQuerySchema,
      (query): Promise<PrincipalAnswer> => actingPrincipalOf(this.identity, query.username),
      (error) => this.logger.error(errorLogFields(error), 'Principal query not answered'),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
