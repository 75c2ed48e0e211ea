import type { TracingConfig } from '@yardmaster/config';
import type { ServiceName } from '@yardmaster/contracts';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

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
  const resource = new Resource({ 'service.name': `yardmaster-${service}`, 'service.namespace': 'yardmaster' });
  const processor = processorFor(config, exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  return { processor, resource, shutdown: () => provider.shutdown() };
}

function processorFor(config: TracingConfig, exporter: SpanExporter | undefined): SpanProcessor {
  // A test's in-memory exporter sees each span as it ends.
  if (exporter) return new SimpleSpanProcessor(exporter);
  if (config?.exporter === 'otlp') return new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }));
  return new SimpleSpanProcessor(new ConsoleSpanExporter());
}
