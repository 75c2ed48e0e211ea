import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { RUN_START_ABANDONED_ERROR_TYPE, type RunStartClaim } from '@yardmaster/contracts';
import type { RunStartClaimer } from '@yardmaster/messaging';
import { DeliveryBackoff } from '../log-delivery/delivery-backoff';
import { LogDeliveryFailed } from '../log-delivery/log-delivery-failed';

export interface ClaimRunStartOptions {
  /** Give up (LogDeliveryFailed, as for the run's first event) when NATS has not answered by then. */
  readonly giveUpAt: number;
  readonly natsAddress: string;
  /** Whether the step was cancelled meanwhile: the wait for NATS ends then (the step heartbeats all along). */
  readonly cancelled?: () => boolean;
  readonly backoff?: DeliveryBackoff;
}

/**
 * Before a run's first event: claims the run as started, or refuses it (non-retryable `RunStartAbandoned`) when its
 * scheduler answered "not started" first. Tried again while NATS is away, as the run's events would be.
 */
export async function claimRunStart(claims: RunStartClaimer, runId: string, options: ClaimRunStartOptions): Promise<void> {
  const backoff = options.backoff ?? new DeliveryBackoff();
  const since = Date.now();
  for (;;) {
    let claim: RunStartClaim;
    try {
      claim = await claims.claimStart(runId);
    } catch (error) {
      if (Date.now() >= options.giveUpAt) throw new LogDeliveryFailed(1, options.natsAddress, Date.now() - since, error).toFailure();
      if (options.cancelled?.()) throw new CancelledFailure('The step was cancelled while NATS was away, before the run started');
      await new Promise((resolve) => setTimeout(resolve, Math.min(backoff.next(), Math.max(0, options.giveUpAt - Date.now()))));
      continue;
    }
    if (claim === 'started') return;
    throw abandonedStartFailure(runId);
  }
}

/** The run must not run: the workflow ends Failed with this, publishing nothing. */
export function abandonedStartFailure(runId: string): ApplicationFailure {
  return ApplicationFailure.create({
    message: `Run ${runId} was not started: Temporal could not be reached when it was requested, and the client was told so (503, started: false); it reached Temporal later and was stopped before its first event`,
    type: RUN_START_ABANDONED_ERROR_TYPE,
    nonRetryable: true,
  });
}
