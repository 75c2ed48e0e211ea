import { z } from 'zod';
import { readonlyArray } from '../schemas/json-schemas';

/** How Temporal retries a job's steps after an infrastructure fault. Failures a job reports are never retried. */
export const retryPolicyDefinitionSchema = z.object({
  maximumAttempts: z.number(),
  initialIntervalSeconds: z.number(),
  backoffCoefficient: z.number(),
  maximumIntervalSeconds: z.number(),
});
export type RetryPolicyDefinition = z.infer<typeof retryPolicyDefinitionSchema>;

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
export const concurrencyRuleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('singleton'), keyVariables: readonlyArray(z.string()) }),
  z.object({ mode: z.literal('limit'), maxRuns: z.number().int(), keyVariables: readonlyArray(z.string()) }),
]);
export type ConcurrencyRule = z.infer<typeof concurrencyRuleSchema>;

/** Timeouts a job declares; absent values come from the scheduler's configuration. */
export const jobTimeoutsSchema = z.object({
  /** The whole run, all steps together; a run request may lower it. */
  runTimeoutSeconds: z.number().optional(),
  /** Any one step. */
  stepTimeoutSeconds: z.number().optional(),
});
export type JobTimeouts = z.infer<typeof jobTimeoutsSchema>;
