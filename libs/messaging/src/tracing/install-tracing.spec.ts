import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { installTracing } from './install-tracing';
import { contextOfHeaders, inSpan, SpanKind, traceHeaders } from './trace-context';

describe('tracing', () => {
  // In this order: the first install of the SDK is for the rest of the process (the API keeps one global provider).
  it('installs nothing without an exporter: no span records, no message gets trace headers', async () => {
    expect(installTracing('scheduler', null)).toBeNull();
    expect(trace.getTracer('any').startSpan('any').isRecording()).toBe(false);
    expect(propagation.fields()).toEqual([]);
    await inSpan('work', SpanKind.INTERNAL, context.active(), async (span) => {
      expect(span.isRecording()).toBe(false);
      expect(traceHeaders()).toBeUndefined();
    });
  });

  it("with an exporter, carries a span's trace through message headers into the handler's span", async () => {
    const exporter = new InMemorySpanExporter();
    const installed = installTracing('api', null, exporter);
    expect(installed).not.toBeNull();

    await inSpan('send', SpanKind.CLIENT, context.active(), async () => {
      const headers = traceHeaders();
      expect(headers?.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      await inSpan('handle', SpanKind.SERVER, contextOfHeaders(headers), async () => undefined);
    });
    await expect(inSpan('fails', SpanKind.INTERNAL, context.active(), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    // Read before shutdown, which empties the exporter; the simple processor hands each span over as it ends.
    const [handle, send, fails] = exporter.getFinishedSpans();
    await installed?.shutdown();
    expect([handle.name, send.name, fails.name]).toEqual(['handle', 'send', 'fails']);
    expect(handle.spanContext().traceId).toBe(send.spanContext().traceId);
    expect(handle.parentSpanId).toBe(send.spanContext().spanId);
    expect(fails.status).toMatchObject({ code: 2, message: 'boom' });
    expect(send.resource.attributes['service.name']).toBe('yardmaster-api');
  });
});
