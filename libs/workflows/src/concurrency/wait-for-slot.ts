import { CancellationScope, condition, continueAsNew, isCancellation, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ContinuedConcurrencyWait, RunWorkflowInput } from '@yardmaster/contracts';
import type { ConcurrencyQueueActivities } from './concurrency-queue-activities';
import { concurrencySlotFreed } from './concurrency-signals';
import { signalWaitingRuns } from './hand-over-slot';

/** The first wait between claims; each wait doubles it up to the longest. A signal ends a wait at once. */
const FIRST_WAIT_MS = 15_000;
const LONGEST_WAIT_MS = 5 * 60_000;
/** A long wait starts a fresh execution before its history grows large (Temporal warns at 10,240 events). */
const HISTORY_EVENTS_BEFORE_CONTINUING = 2_000;

export type SlotWait = { readonly kind: 'claimed'; readonly slot: number } | { readonly kind: 'cancelled' };

/** What the waiting run must hand on if it continues as new: its events so far and who cancelled it. */
export interface WaitState {
  readonly sequence: () => number;
  readonly cancelledBy: () => string | null;
}

/**
 * Waits, costing no worker capacity, until the run may take one of its scope's slots: a local activity claims a
 * slot or queues the run (first come, first served) and answers at once; then the workflow waits for a
 * `concurrencySlotFreed` signal from the run that gives a slot back, or for a timer (15 s growing to 5 min) in
 * case a signal was missed, and claims again. A cancellation ends the wait and takes the run out of the queue.
 */
export async function waitForConcurrencySlot(input: RunWorkflowInput, slots: number, state: WaitState): Promise<SlotWait> {
  const concurrency = input.concurrency;
  if (!concurrency) throw new Error('waitForConcurrencySlot needs a run with a concurrency rule');
  const { claimConcurrencySlotOrQueue } = proxyLocalActivities<ConcurrencyQueueActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '200ms', maximumInterval: '5s' },
  });
  let freed = false;
  setHandler(concurrencySlotFreed, () => {
    freed = true;
  });
  const claim = { scope: concurrency.scope, slots, runId: input.runId };
  let tries = input.continuedWait?.tries ?? 0;
  try {
    for (;;) {
      freed = false;
      const { slot } = await claimConcurrencySlotOrQueue(claim);
      if (slot !== null) return { kind: 'claimed', slot };
      const waitMs = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(tries, 10));
      tries++;
      await condition(() => freed, waitMs);
      if (workflowInfo().historyLength > HISTORY_EVENTS_BEFORE_CONTINUING || workflowInfo().continueAsNewSuggested) {
        const continuedWait: ContinuedConcurrencyWait = { sequence: state.sequence(), cancelledBy: state.cancelledBy(), tries };
        // startAt is past: the next execution must not wait for it, nor publish run.queued again.
        await continueAsNew<(next: RunWorkflowInput) => Promise<unknown>>({ ...input, startAt: null, continuedWait });
      }
    }
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(() => leaveQueue(input, slots));
    return { kind: 'cancelled' };
  }
}

/** Takes a cancelled run out of the queue, and wakes the runs that may claim now that it is gone. */
async function leaveQueue(input: RunWorkflowInput, slots: number): Promise<void> {
  const { handOverConcurrencySlot } = proxyLocalActivities<ConcurrencyQueueActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '200ms', maximumInterval: '5s' },
  });
  const scope = input.concurrency?.scope ?? '';
  const { wake } = await handOverConcurrencySlot({ scope, slots, runId: input.runId, slot: null });
  await signalWaitingRuns(scope, slots, wake);
}
