/**
 * How often an event that fails is tried before it is parked, and how long it waits between tries: the delay
 * doubles from `firstDelayMs` up to `maxDelayMs`.
 */
export interface RedeliveryPolicy {
  readonly maxDeliveries: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_REDELIVERY_POLICY: RedeliveryPolicy = { maxDeliveries: 5, firstDelayMs: 1_000, maxDelayMs: 30_000 };

/** The wait before try `failures + 1`, after `failures` (1 or more) failed tries. */
export function backoffDelayMs(failures: number, policy: Pick<RedeliveryPolicy, 'firstDelayMs' | 'maxDelayMs'>): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** Whether an event that failed `failures` times has had all its tries. */
export function isSpent(failures: number, policy: Pick<RedeliveryPolicy, 'maxDeliveries'>): boolean {
  return failures >= policy.maxDeliveries;
}
