/** Asks for runs the read model holds as live (not ended) and unchanged for at least `quietSeconds`. */
export interface LiveRunsQuery {
  readonly quietSeconds: number;
  readonly limit: number;
}

export interface LiveRun {
  readonly runId: string;
  readonly workflowId: string;
  readonly status: string;
  readonly updatedAt: string;
}
