import { Injectable } from '@nestjs/common';
import { anyJsonSchema, type RunWithoutRequest } from '@yardmaster/contracts';
import { DataSource } from '@yardmaster/read-models';
import { ProjectionResponder } from '../nats/projection-responder';
import { findRunsWithoutRequest, parseRunsWithoutRequestQuery } from './find-runs-without-request';

/** Answers `runs.without_request` for the scheduler's reconciler, like the live-runs query. */
@Injectable()
export class RunsWithoutRequestResponder extends ProjectionResponder<unknown, RunWithoutRequest[]> {
  // Checked by parseRunsWithoutRequestQuery instead: bad fields are VALIDATION_FAILED, which the reconciler knows.
  protected readonly contract = anyJsonSchema;

  constructor(private readonly dataSource: DataSource) {
    super('runsWithoutRequestQuery', 'Runs-without-request query');
  }

  protected answer(body: unknown): Promise<RunWithoutRequest[]> {
    return findRunsWithoutRequest(this.dataSource, parseRunsWithoutRequestQuery(body));
  }
}
