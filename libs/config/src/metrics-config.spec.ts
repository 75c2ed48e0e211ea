import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readMetricsConfig } from './metrics-config';

function read(vars: Record<string, string>, service: 'api' | 'scheduler' | 'collector' | 'projection') {
  const env = new EnvReader(vars);
  const config = readMetricsConfig(env, service);
  return env.finish(config);
}

describe('readMetricsConfig', () => {
  it('serves each service kind on a loopback port of its own by default', () => {
    expect(read({}, 'api')).toEqual({ host: '127.0.0.1', port: 9461 });
    expect(read({}, 'scheduler')).toEqual({ host: '127.0.0.1', port: 9462 });
    expect(read({}, 'collector')).toEqual({ host: '127.0.0.1', port: 9463 });
    expect(read({}, 'projection')).toEqual({ host: '127.0.0.1', port: 9464 });
  });

  it("reads the host and the service's own port, and takes 0 for off", () => {
    expect(read({ YARD_METRICS_HOST: '0.0.0.0', YARD_COLLECTOR_METRICS_PORT: '19463' }, 'collector')).toEqual({ host: '0.0.0.0', port: 19463 });
    expect(read({ YARD_COLLECTOR_METRICS_PORT: '0' }, 'collector')).toEqual({ host: '127.0.0.1', port: null });
    expect(read({ YARD_COLLECTOR_METRICS_PORT: '0' }, 'projection')).toEqual({ host: '127.0.0.1', port: 9464 });
  });

  it('refuses a port out of range and a host that is no host name, naming each', () => {
    expect(() => read({ YARD_API_METRICS_PORT: '70000', YARD_METRICS_HOST: 'http://x/' }, 'api')).toThrow(ConfigError);
    expect(() => read({ YARD_API_METRICS_PORT: '70000', YARD_METRICS_HOST: 'http://x/' }, 'api')).toThrow(
      /YARD_METRICS_HOST="http:\/\/x\/": expected a host name or IP address[\s\S]*YARD_API_METRICS_PORT="70000": expected a whole number from 0 to 65535/,
    );
  });
});
