import type { JsonObject, JsonValue } from '../json';
import type { RunErrorInfo } from '../events/run-events';

/** What the scheduler gives the run workflow. Everything the run needs travels here, so no step looks elsewhere. */
export interface RunWorkflowInput {
  readonly runId: string;
  readonly jobId: string;
  readonly jobName: string;
  readonly data: JsonObject;
  readonly commit: boolean;
  readonly queue: string;
  readonly requestedBy: string;
  readonly correlationId: string;
  readonly steps: readonly string[];
  readonly stepTimeoutSeconds: number;
}

/** What one job step reports back to the workflow. */
export interface StepOutcome {
  readonly result: JsonValue;
  readonly failureCount: number;
}

export type RunOutcome =
  | { readonly status: 'completed'; readonly result: JsonValue }
  | { readonly status: 'failed'; readonly result: JsonValue; readonly failureCount: number }
  | { readonly status: 'errored'; readonly result: JsonValue; readonly error: RunErrorInfo };

/** Temporal failure type for an exception thrown by job code: it is the job's fault, never retried. */
export const JOB_CODE_ERROR_TYPE = 'JobCodeError';
/** Temporal failure type for a step whose job this worker does not host. */
export const JOB_NOT_HOSTED_ERROR_TYPE = 'JobNotHosted';
