import type { TracingConfig } from '@yardmaster/config';
import type { ServiceName } from '@yardmaster/contracts';
import { createRequire } from 'node:module';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type { Resource } from '@opentelemetry/resources';
import type * as TraceBase from '@opentelemetry/sdk-trace-base';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type * as TraceNode from '@opentelemetry/sdk-trace-node';

/**
 * The SDK is loaded only when tracing is on: with its exporter it costs a service about 19 MB of resident memory
 * (measured: `require` of the four packages in a bare Node process) that tracing off never uses (README, "Memory").
 */
const sdkRequire = createRequire(__filename);

/** A service's tracing, once installed: flushed and stopped at shutdown. */
export interface InstalledTracing {
  /** Where spans go: also the sink of the spans workflow code makes (the collector's workers). */
  readonly processor: SpanProcessor;
  readonly resource: Resource;
  shutdown(): Promise<void>;
}

/**
 * Installs the OpenTelemetry SDK as the process's tracer provider (W3C trace context, AsyncLocalStorage context),
 * exporting to the configured exporter. Without a configuration nothing is installed: the API's no-op tracer stays,
 * spans are never recorded and no trace header is ever written, so tracing off costs nothing.
 */
export function installTracing(service: ServiceName, config: TracingConfig, exporter?: SpanExporter): InstalledTracing | null {
  if (config === null && !exporter) return null;
  const { Resource } = sdkRequire('@opentelemetry/resources') as typeof Resources;
  const { NodeTracerProvider } = sdkRequire('@opentelemetry/sdk-trace-node') as typeof TraceNode;
  const resource = new Resource({ 'service.name': `yardmaster-${service}`, 'service.namespace': 'yardmaster' });
  const processor = processorFor(config, exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  return { processor, resource, shutdown: () => provider.shutdown() };
}

function processorFor(config: TracingConfig, exporter: SpanExporter | undefined): SpanProcessor {
  const { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor } = sdkRequire('@opentelemetry/sdk-trace-base') as typeof TraceBase;
  // A test's in-memory exporter sees each span as it ends.
  if (exporter) return new SimpleSpanProcessor(exporter);
  if (config?.exporter === 'otlp') {
    const { OTLPTraceExporter } = sdkRequire('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
    return new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }));
  }
  return new SimpleSpanProcessor(new ConsoleSpanExporter());
}
