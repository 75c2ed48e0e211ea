import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { runEventKind, runRequestedSchema, streamNamesFor, subjectsFor, type RunOwners } from '@yardmaster/contracts';
import { NATS_CONNECTION, readLastEvent } from '@yardmaster/messaging';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { RunsQueries } from './read-runs/runs.queries';

/**
 * Who requested a run and who it acts as (both own it), for deciding who may follow or cancel it. Read from the run's `run.requested` event
 * (JetStream is the truth about history, and a run just accepted is there before the projection has written
 * it), else from the read model. Undefined when the run is unknown.
 */
@Injectable()
export class RunRequester {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly runs: RunsQueries,
  ) {}

  async of(runId: string): Promise<RunOwners | undefined> {
    const { instance } = this.config.shared;
    const requested = await readLastEvent(this.nc, streamNamesFor(instance).runs, subjectsFor(instance).runEvent(runId, runEventKind('run.requested')), runRequestedSchema);
    if (requested) return { requestedBy: requested.data.requestedBy ?? null, runAs: requested.data.runAs ?? null };
    const record = await this.runs.find(runId);
    return record ? { requestedBy: record.requestedBy, runAs: record.runAs } : undefined;
  }
}
