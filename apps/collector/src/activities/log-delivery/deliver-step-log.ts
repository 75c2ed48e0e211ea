import type { Info } from '@temporalio/activity';
import type { StepEventBuffer } from './step-event-buffer';
import { LogDeliveryFailed } from './log-delivery-failed';

/**
 * Waits until the step's log is delivered, so the step's end never overtakes its entries. Gives up after the
 * configured delivery timeout, and in any case a little before the step's own start-to-close timeout: a
 * timeout would be retried under the job's retry policy, LogDeliveryFailed is not.
 */
export async function deliverStepLog(buffer: StepEventBuffer, stepDeadlineAt: number, giveUpAfterMs: number): Promise<void> {
  try {
    await buffer.flush(Math.min(Date.now() + giveUpAfterMs, stepDeadlineAt));
  } catch (error) {
    throw error instanceof LogDeliveryFailed ? error.toFailure() : error;
  }
}

/** When the step's delivery must give up at the latest: a margin (5 s, or a tenth of a short step) before its timeout. */
export function stepDeadlineOf(info: Pick<Info, 'startToCloseTimeoutMs'>, startedAt: number): number {
  const timeoutMs = info.startToCloseTimeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return Number.POSITIVE_INFINITY;
  return startedAt + timeoutMs - Math.min(5_000, timeoutMs / 10);
}
