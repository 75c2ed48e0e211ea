import { quietRunsQuerySchema, type QuietRunsQuery } from './quiet-runs-query';

/**
 * Asks the projection for runs its read model holds without their `run.requested` (no requester): their request
 * event was lost (NATS down just after the workflow started), and the scheduler publishes it again from the
 * workflow's input. `quietSeconds` leaves alone rows younger than that, whose request may still be on its way.
 */
export const runsWithoutRequestQuerySchema = quietRunsQuerySchema;
export type RunsWithoutRequestQuery = QuietRunsQuery;

export interface RunWithoutRequest {
  readonly runId: string;
  readonly workflowId: string;
}
