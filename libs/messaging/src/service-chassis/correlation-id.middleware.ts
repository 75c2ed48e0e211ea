import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withLogContext } from './log-context';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/**
 * Gives each HTTP request its correlation id (the one the client sent, else a new one) and runs the request in
 * that log context. The id is written back into the request's header, so that the error body and the commands
 * sent on quote the id its log lines carry.
 */
export function correlationIdMiddleware(request: IncomingMessage, _response: ServerResponse, next: () => void): void {
  const sent = request.headers[CORRELATION_ID_HEADER];
  const correlationId = typeof sent === 'string' && sent !== '' ? sent : randomUUID();
  request.headers[CORRELATION_ID_HEADER] = correlationId;
  withLogContext({ correlationId }, next);
}
