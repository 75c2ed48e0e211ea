import { Context } from '@temporalio/activity';
import type { ConcurrencySlots } from '@yardmaster/messaging';
import type { ConcurrencySlotRelease, ConcurrencySlotRequest } from '@yardmaster/workflows';

const POLL_INTERVAL_MS = 500;

/**
 * A run of a job with a concurrency limit waits here, `queued`, until a slot is free. It heartbeats while it
 * waits, so a cancellation reaches it and a lost worker is noticed.
 */
export function createConcurrencySlotActivities(slots: ConcurrencySlots) {
  return {
    async acquireConcurrencySlot(request: ConcurrencySlotRequest): Promise<number> {
      const activity = Context.current();
      for (;;) {
        const slot = await slots.tryClaim(request.scope, request.slots, request.runId);
        if (slot !== null) return slot;
        activity.heartbeat();
        await activity.sleep(POLL_INTERVAL_MS);
      }
    },

    async releaseConcurrencySlot(release: ConcurrencySlotRelease): Promise<void> {
      await slots.release(release.scope, release.slot, release.runId);
    },
  };
}
