/**
 * One run's trace across the four services, as an OTLP collector receives it: the REST request, the scheduler's
 * command, the workflow start, the workflow and its activities in the collector, and the projection applying the
 * run's events, all in the trace the client's `traceparent` began. The "collector" here is a small OTLP/HTTP
 * receiver of the test's own on a free loopback port.
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { freePort, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

interface ReceivedSpan {
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
}

interface OtlpAttribute {
  readonly key: string;
  readonly value: { readonly stringValue?: string };
}

interface OtlpExport {
  readonly resourceSpans?: ReadonlyArray<{
    readonly resource?: { readonly attributes?: readonly OtlpAttribute[] };
    readonly scopeSpans?: ReadonlyArray<{ readonly spans?: ReadonlyArray<{ traceId: string; spanId: string; parentSpanId?: string; name: string }> }>;
  }>;
}

/** Spans as OTLP/HTTP JSON delivers them (`POST /v1/traces`). */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') this.receive(JSON.parse(body) as OtlpExport);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  inTrace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  private receive(body: OtlpExport): void {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = resourceSpans.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) this.spans.push({ service, name: span.name, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? '' });
      }
    }
  }
}

describe('tracing one run', () => {
  let stack: YardmasterStack;
  const receiver = new OtlpReceiver();

  beforeAll(async () => {
    const port = await freePort();
    await receiver.listen(port);
    // Spans leave every 100 ms instead of every 5 s, so the test does not wait for a batch.
    stack = await YardmasterStack.start({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_BSP_SCHEDULE_DELAY: '100' });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver.close();
  });

  it("links the REST request, the scheduler, the workflow, its activities and the projection in the client's trace", async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const response = await fetch(`${stack.apiUrl}/api/jobs/examples.HelloWorld/runs`, {
      method: 'POST',
      headers: stack.admin.headers({ 'content-type': 'application/json', traceparent }),
      body: JSON.stringify({ data: { name: 'traced' } }),
    });
    expect(response.status).toBe(202);
    const accepted = { body: (await response.json()) as { runId: string } };
    const run = await stack.waitForRunToEnd(accepted.body.runId, 30_000);
    expect(run.status).toBe('completed');

    const expected: Array<[string, RegExp]> = [
      ['yardmaster-api', /^POST \/api\/jobs\/:jobId\/runs$/],
      ['yardmaster-scheduler', /^handle .*run\.start$/],
      ['yardmaster-scheduler', /^StartWorkflow:/],
      ['yardmaster-collector', /^RunWorkflow:/],
      ['yardmaster-collector', /^RunActivity:executeJobStep$/],
      ['yardmaster-projection', /^apply /],
    ];
    const spans = await waitFor(
      async () => {
        const found = receiver.inTrace(traceId);
        return expected.every(([service, name]) => found.some((span) => span.service === service && name.test(span.name))) ? found : undefined;
      },
      30_000,
      'the spans of every service in the trace',
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; spans in the trace: ${JSON.stringify(receiver.inTrace(traceId).map((span) => [span.service, span.name]))}`);
    });

    // The events a step published are applied under the activity that published them (their NATS headers).
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const appliedUnderStep = spans.filter((span) => span.service === 'yardmaster-projection' && byId.get(span.parentSpanId)?.name === 'RunActivity:executeJobStep');
    expect(appliedUnderStep.length).toBeGreaterThan(0);

    // One tree: every span but the client's own parent has its parent in the trace.
    const ids = new Set(spans.map((span) => span.spanId));
    const roots = spans.filter((span) => !ids.has(span.parentSpanId));
    expect(roots.map((span) => span.name)).toEqual(['POST /api/jobs/:jobId/runs']);
  });
});
