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
 * SERVICE_UNAVAILABLE naming Temporal and its address. `started: false` is a promise the caller keeps (a start that
 * may have reached Temporal is terminated once it can be); null says the outcome is not known.
 */
export function temporalUnavailable(address: string, doing: string, started: boolean | null): YardError {
  const outcome = started === false ? ' The run was not started.' : '';
  return new YardError(ErrorCode.ServiceUnavailable, `Temporal at ${address} cannot be reached, so ${doing} failed.${outcome} Try again later.`, undefined, {
    dependency: 'temporal',
    address,
    started: started === null ? 'unknown' : started,
    retryAfterSeconds: TEMPORAL_RETRY_AFTER_SECONDS,
  });
}
