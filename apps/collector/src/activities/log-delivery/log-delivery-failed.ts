import { ApplicationFailure } from '@temporalio/common';
import { LOG_DELIVERY_FAILED_ERROR_TYPE } from '@yardmaster/contracts';

/**
 * A step's log could not be delivered to NATS in time. It is the platform's fault, not the job's: the step
 * fails without a retry, because a retry would run job code again and spend the job's own retry budget.
 */
export class LogDeliveryFailed extends Error {
  override readonly name = 'LogDeliveryFailed';

  constructor(
    readonly undelivered: number,
    natsAddress: string,
    waitedMs: number,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : cause === null ? 'no answer' : String(cause);
    super(
      `Could not deliver ${undelivered} log ${undelivered === 1 ? 'entry' : 'entries'} to NATS at ${natsAddress} ` +
        `within ${Math.round(waitedMs / 1000)} s (${why}); the step was stopped and is not retried`,
    );
  }

  toFailure(): ApplicationFailure {
    return ApplicationFailure.create({ message: this.message, type: LOG_DELIVERY_FAILED_ERROR_TYPE, nonRetryable: true });
  }
}
