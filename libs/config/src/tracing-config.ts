import type { EnvReader } from './env-reader';

/**
 * Where a service sends its traces: OTLP over HTTP to a collector (Jaeger, Tempo, the OpenTelemetry Collector),
 * or the console. Null: no tracing at all (the default), nothing installed.
 */
export type TracingConfig = { readonly exporter: 'otlp'; readonly tracesUrl: string } | { readonly exporter: 'console' } | null;

const EXPORTERS = ['otlp', 'console', 'none'] as const;

/**
 * Read as every OpenTelemetry SDK reads it: `OTEL_TRACES_EXPORTER` (`otlp`, `console`, `none`), and for OTLP
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the whole URL) or `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` added). Unlike
 * the SDKs, tracing is off unless one of them is set: an endpoint alone turns OTLP on.
 */
export function readTracingConfig(env: EnvReader): TracingConfig {
  const tracesEndpoint = env.string('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '');
  const endpoint = env.string('OTEL_EXPORTER_OTLP_ENDPOINT', '');
  const exporter = env.oneOf<(typeof EXPORTERS)[number]>('OTEL_TRACES_EXPORTER', tracesEndpoint || endpoint ? 'otlp' : 'none', EXPORTERS);
  if (exporter === 'none') return null;
  if (exporter === 'console') return { exporter };
  const url = tracesEndpoint
    ? env.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'http://127.0.0.1:4318/v1/traces', ['http:', 'https:']).toString()
    : `${env.url('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://127.0.0.1:4318', ['http:', 'https:']).toString().replace(/\/$/, '')}/v1/traces`;
  return { exporter, tracesUrl: url };
}
