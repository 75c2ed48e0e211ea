import { CancellationScope, CancelledFailure, sleep } from '@temporalio/workflow';

/**
 * How long a cancelled (or timed-out) run waits for its step's worker to confirm the step stopped. A live collector
 * heartbeats at least every 500 ms, so it confirms within about a second; a dead one never does, and the run must
 * not wait for its heartbeat timeout (it would then end errored instead of cancelled or timed out).
 */
const STOP_CONFIRMATION_WAIT = '2 seconds';

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Runs a step's activity so that a cancellation of the calling scope ends the wait for it within
 * STOP_CONFIRMATION_WAIT: the activity is cancelled, its worker gets that long to confirm, then the step counts as
 * cancelled whether or not it confirmed. Outside a cancellable scope (post_run) the activity is simply awaited.
 */
export async function stopWithinGrace<T>(startActivity: () => Promise<T>): Promise<T> {
  const caller = CancellationScope.current();
  if (!caller.cancellable) return startActivity();
  return CancellationScope.nonCancellable(async () => {
    // Its own scope, shielded from the caller's: the caller's cancellation reaches the activity only through here.
    const activityScope = new CancellationScope();
    const attempt: Promise<Settled<T>> = activityScope.run(startActivity).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
    const cancelled = caller.cancelRequested.then(
      () => null,
      () => null,
    );
    const first = await Promise.race([attempt, cancelled]);
    if (first === null) {
      activityScope.cancel();
      await Promise.race([attempt, sleep(STOP_CONFIRMATION_WAIT)]);
      throw new CancelledFailure('The step was cancelled');
    }
    if (first.ok) return first.value;
    throw first.error;
  });
}
