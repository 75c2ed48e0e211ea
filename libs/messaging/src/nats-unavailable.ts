import { ErrorCode, YardError } from '@yardmaster/contracts';

/** Seconds a client is told to wait before trying again while NATS is down. */
export const NATS_RETRY_AFTER_SECONDS = 5;

/** What a command is about: starting a run (`started`), or any other change (`applied`). */
export type CommandOutcomeField = 'started' | 'applied';

/**
 * SERVICE_UNAVAILABLE naming NATS and its address. `delivered: false`: the command was never sent, so it certainly
 * did not take effect; null: it was sent and not answered, so it may have been acted on.
 */
export function natsUnavailable(address: string, serviceName: string, field: CommandOutcomeField, delivered: false | null): YardError {
  const message =
    delivered === false
      ? `NATS at ${address} cannot be reached, so the ${serviceName} could not be asked. ${field === 'started' ? 'The run was not started.' : 'Nothing was changed.'} Try again later.`
      : `NATS at ${address} went away before the ${serviceName} answered, so ${field === 'started' ? 'the run may have started: send the request again with the same Idempotency-Key to get that run (or start it once)' : 'the change may have taken effect: look before trying again'}.`;
  return new YardError(ErrorCode.ServiceUnavailable, message, undefined, {
    dependency: 'nats',
    address,
    [field]: delivered === false ? false : 'unknown',
    retryAfterSeconds: NATS_RETRY_AFTER_SECONDS,
  });
}
