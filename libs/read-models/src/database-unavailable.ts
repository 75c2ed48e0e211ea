/** Socket errors: the server is not there, went away, or cannot be found. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that cannot serve: class 08 (connection exceptions), 57P01-57P03 (shut down by an
 * administrator, crashed, starting up or shutting down) and 53300 (no connection slot left).
 */
function isUnavailableState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** What node-postgres and its pool say when a connection is lost or cannot be had in time. */
const CONNECTION_LOST = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/** The error and what it wraps: TypeORM's `driverError`, a `cause`, the attempts of an AggregateError. */
function causesOf(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const pending = [error];
  while (pending.length > 0 && seen.length < 20) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || seen.includes(next)) continue;
    seen.push(next);
    const { driverError, cause, errors } = next as { driverError?: unknown; cause?: unknown; errors?: unknown };
    pending.push(driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return seen;
}

/** The connection-level reason in `error` (a socket code, a SQLSTATE or node-postgres's words), or null when there is none. */
export function connectionFailureOf(error: unknown): string | null {
  for (const cause of causesOf(error)) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || isUnavailableState(code))) return typeof message === 'string' && message !== '' ? `${code}: ${message}` : code;
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return message;
  }
  return null;
}

/**
 * Whether `error` says Postgres cannot be reached (refused, terminated, shut down, a class 08 state), rather than
 * that this query or this event is wrong: an outage is waited out, never held against the event.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return connectionFailureOf(error) !== null;
}
