import type { ServiceName } from '@yardmaster/contracts';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** The one Prometheus registry of a service: its own metrics and the process's, served at /metrics. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * A registry with the process metrics every Node exporter has (resident memory, event loop lag, GC, handles),
 * under their usual names, and `service` on every series, so that one dashboard can tell the four apart
 * whatever the scrape job is called.
 */
export function createServiceRegistry(service: ServiceName): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export type { Registry };
