import { Injectable } from '@nestjs/common';
import type { RunWithoutRequest } from '@yardmaster/contracts';
import { ReadModelQueryResponder } from '../nats/read-model-query-responder';
import { findRunsWithoutRequest, parseRunsWithoutRequestQuery } from './find-runs-without-request';

/** Answers `runs.without_request` for the scheduler's reconciler, like the live-runs query. */
@Injectable()
export class RunsWithoutRequestResponder extends ReadModelQueryResponder<RunWithoutRequest[]> {
  constructor() {
    super('runsWithoutRequestQuery', 'Runs-without-request query');
  }

  protected answer(body: unknown): Promise<RunWithoutRequest[]> {
    return findRunsWithoutRequest(this.dataSource, parseRunsWithoutRequestQuery(body));
  }
}
