import type { ServiceName } from '@yardmaster/contracts';
import type { EnvReader } from './env-reader';

/** Where a service serves its Prometheus metrics; `port` null means it serves none (0, as read from the environment); a port of 0 handed over directly lets the system pick one (tests). */
export interface MetricsConfig {
  readonly host: string;
  readonly port: number | null;
}

/**
 * One port per service kind, so the four can run on one host with the defaults and a scrape config can name
 * them without asking. 9464 onwards is where Prometheus exporters of this kind usually sit.
 */
export const DEFAULT_METRICS_PORTS: Readonly<Record<ServiceName, number>> = { api: 9461, scheduler: 9462, collector: 9463, projection: 9464 };

/** The variable that sets a service's metrics port: `YARD_API_METRICS_PORT`, `YARD_COLLECTOR_METRICS_PORT`… */
export function metricsPortVariable(service: ServiceName): string {
  return `YARD_${service.toUpperCase()}_METRICS_PORT`;
}

/** Loopback by default: metrics tell an outsider how busy the platform is and which jobs it runs. */
export function readMetricsConfig(env: EnvReader, service: ServiceName): MetricsConfig {
  const host = env.matching('YARD_METRICS_HOST', '127.0.0.1', /^[A-Za-z0-9.:-]+$/, 'a host name or IP address');
  const port = env.integer(metricsPortVariable(service), DEFAULT_METRICS_PORTS[service], 0, 65_535);
  return { host, port: port === 0 ? null : port };
}
