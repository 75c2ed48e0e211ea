/** How Temporal retries a job's steps after an infrastructure fault. Failures a job reports are never retried. */
export interface RetryPolicyDefinition {
  readonly maximumAttempts: number;
  readonly initialIntervalSeconds: number;
  readonly backoffCoefficient: number;
  readonly maximumIntervalSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicyDefinition = {
  maximumAttempts: 3,
  initialIntervalSeconds: 1,
  backoffCoefficient: 2,
  maximumIntervalSeconds: 30,
};

/**
 * How many runs of a job may be live at once. `keyVariables` narrows the rule to runs whose values of those
 * variables are equal (one per device, one per plan). A singleton refuses a second run with 409; a limit
 * lets further runs wait in `queued`.
 */
export type ConcurrencyRule =
  | { readonly mode: 'singleton'; readonly keyVariables: readonly string[] }
  | { readonly mode: 'limit'; readonly maxRuns: number; readonly keyVariables: readonly string[] };

/** Timeouts a job declares; absent values come from the scheduler's configuration. */
export interface JobTimeouts {
  /** The whole run, all steps together; a run request may lower it. */
  readonly runTimeoutSeconds?: number;
  /** Any one step. */
  readonly stepTimeoutSeconds?: number;
}
