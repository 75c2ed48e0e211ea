/** A run asking for a slot of its scope; `slots` is how many the rule allows. */
export interface SlotClaim {
  readonly scope: string;
  readonly slots: number;
  readonly runId: string;
}

/** A slot a run gives back, or (slot null) a run that leaves the queue without one. */
export interface SlotHandOver {
  readonly scope: string;
  readonly slots: number;
  readonly runId: string;
  readonly slot: number | null;
}

export interface SlotClaimResult {
  /** The slot the run now holds, or null: it waits in the scope's queue. */
  readonly slot: number | null;
}

export interface SlotHandOverResult {
  /** The waiting runs that may claim a slot now, oldest first: the workflow signals each of them. */
  readonly wake: readonly string[];
}

/**
 * Concurrency slots without waiting in an activity: each call answers at once, and the workflow waits (for a
 * signal or a timer) between claims, so a queued run holds no worker capacity. Collectors implement them.
 */
export interface ConcurrencyQueueActivities {
  /** Claims a slot if the run is first in line (or the queue is empty) and one is free; else queues the run (FIFO). */
  claimConcurrencySlotOrQueue(claim: SlotClaim): Promise<SlotClaimResult>;
  /** Frees the run's slot (if given) and takes it out of the queue; names the waiting runs that may claim now. */
  handOverConcurrencySlot(handOver: SlotHandOver): Promise<SlotHandOverResult>;
}
