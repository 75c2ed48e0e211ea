import { ErrorCode, isTerminalRunStatus, YardError, type RunStatus } from '@yardmaster/contracts';
import type { PendingWakeup } from './run-end-notifications';

/** The longest one request waits for a run's end; a client that wants longer asks again. */
export const MAX_WAIT_FOR_END_SECONDS = 60;
/** Even with no notification (a lost one, or the listener reconnecting), a waiting request reads the run this often. */
export const RECHECK_MS = 1_000;

/** What a wait needs of the notifications: a wakeup registered before the run is read. */
export interface RunEndWakeups {
  next(runId: string, timeoutMs: number): PendingWakeup;
}

/** `waitForEnd` from a query string, in seconds (0 to MAX_WAIT_FOR_END_SECONDS, fractions allowed), as milliseconds; 0 when not given. */
export function readWaitForEnd(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  const seconds = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_WAIT_FOR_END_SECONDS) {
    throw new YardError(ErrorCode.ValidationFailed, 'Invalid wait', [{ field: 'waitForEnd', message: `must be a number of seconds from 0 to ${MAX_WAIT_FOR_END_SECONDS}` }]);
  }
  return Math.round(seconds * 1000);
}

/**
 * Reads the run until it has ended or `waitMs` has passed, and answers it as it is then. Each read follows the
 * registration of its wakeup, so an end announced while the run is read wakes the next wait at once.
 */
export async function waitForRunEnd<TRun extends { readonly id: string; readonly status: RunStatus }>(
  read: () => Promise<TRun>,
  waitMs: number,
  wakeups: RunEndWakeups,
  runId: string,
): Promise<TRun> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const remaining = deadline - Date.now();
    const wakeup = remaining > 0 ? wakeups.next(runId, Math.min(remaining, RECHECK_MS)) : null;
    const run = await read();
    if (!wakeup || isTerminalRunStatus(run.status)) {
      wakeup?.cancel();
      return run;
    }
    if ((await wakeup.woken) === 'closing') return read();
  }
}
