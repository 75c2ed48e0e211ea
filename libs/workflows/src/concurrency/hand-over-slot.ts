import { CancellationScope, getExternalWorkflowHandle, proxyLocalActivities } from '@temporalio/workflow';
import { workflowIdForRun } from '@yardmaster/contracts/workflow';
import type { ConcurrencyQueueActivities } from './concurrency-queue-activities';
import { concurrencySlotFreed } from './concurrency-signals';

/** Runs dropped from the queue in one hand-over at most; the waiters' timers take over beyond it. */
const MOST_GONE_WAITERS = 20;

function handOverActivity() {
  return proxyLocalActivities<ConcurrencyQueueActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '200ms', maximumInterval: '5s' },
  }).handOverConcurrencySlot;
}

/**
 * Gives the run's slot back and wakes the runs first in line for it, so a freed slot never waits for a waiter's
 * timer. Runs after the terminal event, so the next run's `run.started` comes after this run's end.
 */
export async function handOverConcurrencySlot(scope: string, slots: number, slot: number, runId: string): Promise<void> {
  await CancellationScope.nonCancellable(async () => {
    const { wake } = await handOverActivity()({ scope, slots, runId, slot });
    await signalWaitingRuns(scope, slots, wake);
  });
}

/**
 * Signals each run that may claim a slot now. A run that cannot be signalled has ended without leaving the queue
 * (terminated, say): it is taken out, and whoever moves up in its place is signalled instead.
 */
export async function signalWaitingRuns(scope: string, slots: number, wake: readonly string[]): Promise<void> {
  const signalled = new Set<string>();
  let next = [...wake];
  for (let gone = 0; gone <= MOST_GONE_WAITERS; ) {
    const runId = next.find((id) => !signalled.has(id));
    if (runId === undefined) return;
    signalled.add(runId);
    try {
      await getExternalWorkflowHandle(workflowIdForRun(runId)).signal(concurrencySlotFreed);
    } catch {
      gone++;
      next = [...(await handOverActivity()({ scope, slots, runId, slot: null })).wake];
    }
  }
}
