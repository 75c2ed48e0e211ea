import { Injectable } from '@nestjs/common';
import { anyJsonSchema, type LiveRun } from '@yardmaster/contracts';
import { DataSource } from '@yardmaster/read-models';
import { ProjectionResponder } from '../nats/projection-responder';
import { findLiveRuns, parseLiveRunsQuery } from './find-live-runs';

/**
 * Answers the live-runs query (`LiveRunsQuery` → `CommandReply<LiveRun[]>`) from the read model: runs not yet
 * ended that have been quiet for a while, for a reconciler to check against Temporal.
 */
@Injectable()
export class LiveRunsResponder extends ProjectionResponder<unknown, LiveRun[]> {
  // Checked by parseLiveRunsQuery instead: bad fields are VALIDATION_FAILED, which the scheduler's reconciler knows.
  protected readonly contract = anyJsonSchema;

  constructor(private readonly dataSource: DataSource) {
    super('liveRunsQuery', 'Live-runs query');
  }

  protected answer(body: unknown): Promise<LiveRun[]> {
    return findLiveRuns(this.dataSource, parseLiveRunsQuery(body));
  }
}
