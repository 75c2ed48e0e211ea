import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readTracingConfig } from './tracing-config';

function read(vars: Record<string, string>) {
  const env = new EnvReader(vars);
  const config = readTracingConfig(env);
  return env.finish(config);
}

describe('readTracingConfig', () => {
  it('is off unless an exporter or an endpoint is set', () => {
    expect(read({})).toBeNull();
    expect(read({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBeNull();
  });

  it("sends OTLP to the endpoint's /v1/traces, or to the traces endpoint as given", () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' })).toEqual({ exporter: 'otlp', tracesUrl: 'http://127.0.0.1:4318/v1/traces' });
    expect(read({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example/otlp/v1/traces' })).toEqual({ exporter: 'otlp', tracesUrl: 'https://tempo.example/otlp/v1/traces' });
    expect(read({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual({ exporter: 'otlp', tracesUrl: 'http://127.0.0.1:4318/v1/traces' });
    expect(read({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ exporter: 'console' });
  });

  it('refuses an exporter it does not know and an endpoint that is no HTTP URL', () => {
    expect(() => read({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(ConfigError);
    expect(() => read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
