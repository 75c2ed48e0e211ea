import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/nats-core';
import { anyJsonSchema, subjectsFor, type LiveRun } from '@yardmaster/contracts';
import { NATS_CONNECTION } from '@yardmaster/messaging';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { ProjectionResponder } from '../nats/projection-responder';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { findLiveRuns, parseLiveRunsQuery } from './find-live-runs';

/**
 * Answers the live-runs query (`LiveRunsQuery` → `CommandReply<LiveRun[]>`) from the read model: runs not yet
 * ended that have been quiet for a while, for a reconciler to check against Temporal.
 */
@Injectable()
export class LiveRunsResponder extends ProjectionResponder<unknown, LiveRun[]> {
  // Checked by parseLiveRunsQuery instead: bad fields are VALIDATION_FAILED, which the scheduler's reconciler knows.
  protected readonly contract = anyJsonSchema;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
  ) {
    super(nc, 'Live-runs query');
  }

  protected subject(): string {
    return subjectsFor(this.config.shared.instance).liveRunsQuery;
  }

  protected answer(body: unknown): Promise<LiveRun[]> {
    return findLiveRuns(this.dataSource, parseLiveRunsQuery(body));
  }
}
