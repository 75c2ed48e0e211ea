import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { anyJsonSchema, subjectsFor, type RunWithoutRequest } from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import { DataSource } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { findRunsWithoutRequest, parseRunsWithoutRequestQuery } from './find-runs-without-request';

/** Answers `runs.without_request` for the scheduler's reconciler, like the live-runs query. */
@Injectable()
export class RunsWithoutRequestResponder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunsWithoutRequestResponder.name);
  private subscription: Subscription | null = null;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = serveCommand<unknown, RunWithoutRequest[]>(
      this.nc,
      subjectsFor(this.config.shared.instance).runsWithoutRequestQuery,
      'projection',
      // Its own parser checks it, with the VALIDATION_FAILED messages the scheduler's reconciler knows.
      anyJsonSchema,
      (body) => findRunsWithoutRequest(this.dataSource, parseRunsWithoutRequestQuery(body)),
      (error) => this.logger.error(`Runs-without-request query not answered: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
