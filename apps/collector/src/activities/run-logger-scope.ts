/** Who and what a step's log entries belong to: the same for every line of the step, so serialised once. */
export interface RunLoggerScope {
  readonly instance: string;
  readonly runId: string;
  readonly step: string;
  /** The log's grouping; the step unless given (a plan run groups each device's entries under its name). */
  readonly grouping?: string;
  readonly attempt: number;
  readonly actor: string;
  readonly correlationId: string;
}
