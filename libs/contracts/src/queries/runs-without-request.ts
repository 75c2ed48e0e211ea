/**
 * Asks the projection for runs its read model holds without their `run.requested` (no requester): their request
 * event was lost (NATS down just after the workflow started), and the scheduler publishes it again from the
 * workflow's input. `quietSeconds` leaves alone rows younger than that, whose request may still be on its way.
 */
export interface RunsWithoutRequestQuery {
  readonly quietSeconds: number;
  readonly limit: number;
}

export interface RunWithoutRequest {
  readonly runId: string;
  readonly workflowId: string;
}
