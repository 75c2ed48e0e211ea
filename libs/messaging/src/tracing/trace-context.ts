import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';

const TRACER = 'yardmaster';

/** The W3C header a traced message carries. */
export const TRACEPARENT = 'traceparent';

/**
 * The trace context of the work under way as NATS message headers (`traceparent`, `tracestate`), for a command or
 * an event to carry to its handler; undefined when there is none (tracing off, or no span active), so a message
 * gets no headers it does not need.
 */
export function traceHeaders(): MsgHdrs | undefined {
  const entries = traceHeaderEntries();
  if (entries.length === 0) return undefined;
  const headers = natsHeaders();
  for (const [key, value] of entries) headers.set(key, value);
  return headers;
}

/** The trace context of the work under way as header names and values; none when tracing is off or no span is active. */
export function traceHeaderEntries(): Array<[string, string]> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.entries(carrier);
}

/** The context a message's trace headers carry (the active one when it has none). */
export function contextOfHeaders(headers: MsgHdrs | undefined): Context {
  if (!headers) return context.active();
  return propagation.extract(context.active(), headers, {
    keys: (carrier) => carrier.keys(),
    get: (carrier, key) => (carrier.has(key) ? carrier.get(key) : undefined),
  });
}

/**
 * Runs `work` in a span that is a child of `parent`, ended when `work` settles and marked as an error when it
 * throws. With tracing off the span is the API's no-op one: no allocation of note, nothing recorded.
 */
export function inSpan<T>(name: string, kind: SpanKind, parent: Context, work: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER).startActiveSpan(name, { kind }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * A span that is a child of `parent`, for work that the caller ends itself (`end()`): a batch applied for events of
 * several traces gets one such span in each of them.
 */
export function startSpan(name: string, kind: SpanKind, parent: Context): Span {
  return trace.getTracer(TRACER).startSpan(name, { kind }, parent);
}

/** Marks `span` as failed by `error`. */
export function markFailed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

export { SpanKind };
