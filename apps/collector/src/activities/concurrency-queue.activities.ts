import type { ConcurrencyQueue, ConcurrencySlots } from '@yardmaster/messaging';
import type { ConcurrencyQueueActivities, SlotClaim, SlotClaimResult, SlotHandOver, SlotHandOverResult } from '@yardmaster/workflows';

/**
 * First come, first served slots. A run may take a free slot only if no run queued before it could take it:
 * with `free` slots free, the first `free` runs of the queue may claim. Every call is short, so the workflow
 * runs it as a local activity and waits between calls without holding a worker's activity slot.
 */
export function createConcurrencyQueueActivities(slots: ConcurrencySlots, queue: ConcurrencyQueue): ConcurrencyQueueActivities {
  return {
    async claimConcurrencySlotOrQueue({ scope, slots: slotCount, runId }: SlotClaim): Promise<SlotClaimResult> {
      const held = await slots.slotHeldBy(scope, slotCount, runId);
      if (held !== null) {
        await queue.leave(scope, runId);
        return { slot: held };
      }
      const waiting = await queue.waiting(scope);
      const queued = waiting.includes(runId);
      // A run not queued yet would be last in line.
      const position = queued ? waiting.indexOf(runId) : waiting.length;
      if (position < (await slots.freeCount(scope, slotCount))) {
        const slot = await slots.tryClaim(scope, slotCount, runId);
        if (slot !== null) {
          if (queued) await queue.leave(scope, runId);
          return { slot };
        }
        // Another claim won the race for the free slot: the run queues (or keeps its place) and waits.
      }
      if (!queued) await queue.enter(scope, runId);
      return { slot: null };
    },

    async handOverConcurrencySlot({ scope, slots: slotCount, runId, slot }: SlotHandOver): Promise<SlotHandOverResult> {
      // A run cancelled while its claim was answered may hold a slot it never heard of: it is freed as well.
      const held = slot ?? (await slots.slotHeldBy(scope, slotCount, runId));
      if (held !== null) await slots.release(scope, held, runId);
      const line = await queue.leave(scope, runId);
      const free = await slots.freeCount(scope, slotCount);
      return { wake: line.slice(0, free) };
    },
  };
}
