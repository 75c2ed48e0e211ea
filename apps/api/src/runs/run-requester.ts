import { Injectable } from '@nestjs/common';
import { runEventKind, runRequestedSchema, type RunOwners } from '@yardmaster/contracts';
import { InstanceNats, readLastEvent } from '@yardmaster/messaging';
import { RunsQueries } from './read-runs/runs.queries';

/**
 * Who requested a run and who it acts as (both own it), for deciding who may follow or cancel it. Read from the run's `run.requested` event
 * (JetStream is the truth about history, and a run just accepted is there before the projection has written
 * it), else from the read model. Undefined when the run is unknown.
 */
@Injectable()
export class RunRequester {
  constructor(
    private readonly nats: InstanceNats,
    private readonly runs: RunsQueries,
  ) {}

  async of(runId: string): Promise<RunOwners | undefined> {
    const { nc, streams, subjects } = this.nats;
    const requested = await readLastEvent(nc, streams.runs, subjects.runEvent(runId, runEventKind('run.requested')), runRequestedSchema);
    if (requested) return { requestedBy: requested.data.requestedBy ?? null, runAs: requested.data.runAs ?? null };
    const record = await this.runs.find(runId);
    return record ? { requestedBy: record.requestedBy, runAs: record.runAs } : undefined;
  }
}
