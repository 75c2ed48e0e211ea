import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/nats-core';
import { anyJsonSchema, subjectsFor, type RunWithoutRequest } from '@yardmaster/contracts';
import { NATS_CONNECTION } from '@yardmaster/messaging';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { ProjectionResponder } from '../nats/projection-responder';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { findRunsWithoutRequest, parseRunsWithoutRequestQuery } from './find-runs-without-request';

/** Answers `runs.without_request` for the scheduler's reconciler, like the live-runs query. */
@Injectable()
export class RunsWithoutRequestResponder extends ProjectionResponder<unknown, RunWithoutRequest[]> {
  // Checked by parseRunsWithoutRequestQuery instead: bad fields are VALIDATION_FAILED, which the reconciler knows.
  protected readonly contract = anyJsonSchema;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
  ) {
    super(nc, 'Runs-without-request query');
  }

  protected subject(): string {
    return subjectsFor(this.config.shared.instance).runsWithoutRequestQuery;
  }

  protected answer(body: unknown): Promise<RunWithoutRequest[]> {
    return findRunsWithoutRequest(this.dataSource, parseRunsWithoutRequestQuery(body));
  }
}
