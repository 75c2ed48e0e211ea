/**
 * The NATS KV bucket `<instance>_run_starts`: who decided first whether a run started. The run's first event
 * (from the collector) claims its run id as `started`; a scheduler that answered "not started" because Temporal
 * could not be reached claims it as `abandoned`. KV's atomic create lets only one of them win.
 */
export function runStartClaimsBucketFor(instance: string): string {
  return `${instance}_run_starts`;
}

/**
 * How long a claim is kept: a start abandoned during a Temporal outage may reach a collector only once Temporal is
 * back and a collector polls, and the scheduler's sweep terminates it before that unless the scheduler died.
 */
export const RUN_START_CLAIM_TTL_MS = 24 * 3600 * 1000;

export type RunStartClaim = 'started' | 'abandoned';
