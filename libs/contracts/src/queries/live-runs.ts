import { quietRunsQuerySchema, type QuietRunsQuery } from './quiet-runs-query';

/** Asks for runs the read model holds as live (not ended) and unchanged for at least `quietSeconds`. */
export const liveRunsQuerySchema = quietRunsQuerySchema;
export type LiveRunsQuery = QuietRunsQuery;

export interface LiveRun {
  readonly runId: string;
  readonly workflowId: string;
  readonly status: string;
  readonly updatedAt: string;
  /** Who asked to cancel it, if anyone did: a run that ended cancelled without telling is attributed to them. */
  readonly cancelRequestedBy: string | null;
}
