import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { currentLogContext, type LogContext } from './log-context';

/** Runs the middleware on a request with these headers; returns the headers after it and the context `next` ran in. */
function handle(headers: IncomingMessage['headers']): { headers: IncomingMessage['headers']; context: LogContext } {
  const request = { headers } as IncomingMessage;
  let context: LogContext = {};
  correlationIdMiddleware(request, {} as ServerResponse, () => (context = currentLogContext()));
  return { headers: request.headers, context };
}

describe('correlationIdMiddleware', () => {
  it("runs the request in the context of the correlation id the client sent", () => {
    const { headers, context } = handle({ 'x-correlation-id': 'from-the-client' });
    expect(context).toEqual({ correlationId: 'from-the-client' });
    expect(headers['x-correlation-id']).toBe('from-the-client');
  });

  it('makes one up when none was sent, and writes it into the request for the error body and the commands', () => {
    const { headers, context } = handle({});
    expect(context.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['x-correlation-id']).toBe(context.correlationId);
  });

  it('gives each request its own', () => {
    expect(handle({}).context.correlationId).not.toBe(handle({}).context.correlationId);
  });
});
