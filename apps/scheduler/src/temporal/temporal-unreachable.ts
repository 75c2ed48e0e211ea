import { isGrpcDeadlineError, isGrpcServiceError } from '@temporalio/client';
import { ErrorCode, YardError } from '@yardmaster/contracts';

/** gRPC's UNAVAILABLE: the server could not be reached (the SDK gave up retrying). */
const GRPC_UNAVAILABLE = 14;

/** Seconds a client is told to wait before trying again while Temporal is down. */
export const TEMPORAL_RETRY_AFTER_SECONDS = 5;

/** True for the errors that mean Temporal could not be reached in time, rather than an answer from it. */
export function isTemporalUnreachable(error: unknown): boolean {
  if (isGrpcDeadlineError(error)) return true;
  const cause = error instanceof Error && isGrpcServiceError(error.cause) ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === GRPC_UNAVAILABLE;
}

/**
 * What became of a command that Temporal did not answer: `started` for a run (`false` is a promise the caller
 * keeps: a start that may have reached Temporal is terminated once it can be), `applied` for any other change.
 * `false`: it certainly did not take effect; null: it may have.
 */
export type TemporalCommandOutcome = { readonly started: false | null } | { readonly applied: false | null };

/** SERVICE_UNAVAILABLE naming Temporal and its address, saying what became of the command. */
export function temporalUnavailable(address: string, doing: string, outcome: TemporalCommandOutcome): YardError {
  const [field, value] = 'started' in outcome ? (['started', outcome.started] as const) : (['applied', outcome.applied] as const);
  return new YardError(ErrorCode.ServiceUnavailable, `Temporal at ${address} cannot be reached, so ${doing} failed.${outcomeSentence(outcome)} Try again later.`, undefined, {
    dependency: 'temporal',
    address,
    [field]: value === null ? 'unknown' : value,
    retryAfterSeconds: TEMPORAL_RETRY_AFTER_SECONDS,
  });
}

function outcomeSentence(outcome: TemporalCommandOutcome): string {
  if ('started' in outcome) return outcome.started === false ? ' The run was not started.' : '';
  return outcome.applied === false ? ' Nothing was changed.' : ' The change may have taken effect: look before trying again.';
}
