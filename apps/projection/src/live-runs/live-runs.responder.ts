import { Injectable } from '@nestjs/common';
import type { LiveRun } from '@yardmaster/contracts';
import { ReadModelQueryResponder } from '../nats/read-model-query-responder';
import { findLiveRuns, parseLiveRunsQuery } from './find-live-runs';

/**
 * Answers the live-runs query (`LiveRunsQuery` → `CommandReply<LiveRun[]>`) from the read model: runs not yet
 * ended that have been quiet for a while, for a reconciler to check against Temporal.
 */
@Injectable()
export class LiveRunsResponder extends ReadModelQueryResponder<LiveRun[]> {
  constructor() {
    super('liveRunsQuery', 'Live-runs query');
  }

  protected answer(body: unknown): Promise<LiveRun[]> {
    return findLiveRuns(this.dataSource, parseLiveRunsQuery(body));
  }
}
