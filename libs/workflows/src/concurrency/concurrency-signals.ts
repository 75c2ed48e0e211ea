import { defineSignal } from '@temporalio/workflow';
import { CONCURRENCY_SLOT_FREED_SIGNAL } from '@yardmaster/contracts/workflow';

/** Sent to a run waiting for a slot when it may claim one now: it claims at once instead of at its next timer. */
export const concurrencySlotFreed = defineSignal(CONCURRENCY_SLOT_FREED_SIGNAL);
