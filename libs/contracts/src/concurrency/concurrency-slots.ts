import type { ConcurrencyRule } from '../jobs/job-policies';

/**
 * A claim on one of a rule's slots, kept in the NATS KV bucket `<instance>_concurrency` under
 * `<jobId>.<keyHash>.<slot>`; the value is the run id holding it. KV's atomic create makes a slot
 * claimable by one run only, whatever the number of scheduler replicas or workers.
 */
export interface ConcurrencyClaim {
  readonly rule: ConcurrencyRule;
  /** `<jobId>.<keyHash>`: every slot key of the rule starts with it. */
  readonly scope: string;
}

export function concurrencyBucketFor(instance: string): string {
  return `${instance}_concurrency`;
}

export function slotCountOf(rule: ConcurrencyRule): number {
  return rule.mode === 'singleton' ? 1 : rule.maxRuns;
}

export function slotKey(scope: string, slot: number): string {
  return `${scope}.${slot}`;
}

/**
 * The runs waiting for a slot, first come first served, kept in the NATS KV bucket `<instance>_concurrency_queue`
 * under the scope: the value is the JSON array of their run ids, oldest first.
 */
export function concurrencyQueueBucketFor(instance: string): string {
  return `${instance}_concurrency_queue`;
}
