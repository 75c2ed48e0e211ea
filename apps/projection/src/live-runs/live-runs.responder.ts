import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { anyJsonSchema, subjectsFor, type LiveRun } from '@yardmaster/contracts';
import { NATS_CONNECTION, serveCommand } from '@yardmaster/messaging';
import { DataSource } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { findLiveRuns, parseLiveRunsQuery } from './find-live-runs';

/**
 * Answers the live-runs query (`LiveRunsQuery` → `CommandReply<LiveRun[]>`) from the read model: runs not yet
 * ended that have been quiet for a while, for a reconciler to check against Temporal. Every projection replica
 * answers in the `projection` queue group, so each query is answered once.
 */
@Injectable()
export class LiveRunsResponder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveRunsResponder.name);
  private subscription: Subscription | null = null;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = serveCommand<unknown, LiveRun[]>(
      this.nc,
      subjectsFor(this.config.shared.instance).liveRunsQuery,
      'projection',
      // Its own parser checks it, with the VALIDATION_FAILED messages the scheduler's reconciler knows.
      anyJsonSchema,
      (body) => findLiveRuns(this.dataSource, parseLiveRunsQuery(body)),
      (error) => this.logger.error(`Live-runs query not answered: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
