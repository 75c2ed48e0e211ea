import { ErrorCode, YardError } from '@yardmaster/contracts';
import { connectionFailureOf } from '@yardmaster/read-models';

export { connectionFailureOf };

/** How long a client is told to wait before trying again while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** `host:port` of a database URL, never its user or password. */
export function databaseAddressOf(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'its configured address';
  }
}

/**
 * A failure to reach the database as the client should see it: SERVICE_UNAVAILABLE (503) naming PostgreSQL and its
 * address, with `retryAfterSeconds` (sent as Retry-After). Null when `error` is no connection failure: a bad query
 * stays an internal error.
 */
export function databaseOutageOf(error: unknown, databaseUrl: string | undefined): YardError | null {
  const reason = connectionFailureOf(error);
  if (reason === null) return null;
  const address = databaseUrl === undefined ? 'its configured address' : databaseAddressOf(databaseUrl);
  return new YardError(ErrorCode.ServiceUnavailable, `The database (PostgreSQL at ${address}) cannot be reached (${reason}); try again in a few seconds`, undefined, {
    dependency: 'postgres',
    address,
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });
}
