import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

/** Seconds: most answers take milliseconds; a run request waits on the scheduler up to its command timeout. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What Express adds to a request once a route matched it. */
interface RoutedRequest extends IncomingMessage {
  readonly route?: { readonly path?: unknown };
  readonly baseUrl?: string;
}

/**
 * Requests by route pattern (`/api/runs/:runId`, never the id itself: the label stays low in cardinality),
 * method and status class, and their durations. A request no route matched counts under `unmatched`.
 */
@Injectable()
export class HttpMetrics {
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({ name: 'yard_http_requests_total', help: 'HTTP requests answered, by method, route and status class (2xx…5xx)', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({ name: 'yard_http_request_duration_seconds', help: 'From an HTTP request arriving to its answer sent, by method and route', labelNames: ['method', 'route'], buckets: HTTP_DURATION_BUCKETS, registers });
  }
}

/** Nest makes one of these per module that applies it; the metrics it moves are the one HttpMetrics. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const startedAt = performance.now();
    response.once('finish', () => {
      const labels = { method: request.method ?? 'UNKNOWN', route: routeOf(request as RoutedRequest) };
      this.metrics.requests.inc({ ...labels, status: `${Math.floor(response.statusCode / 100)}xx` });
      this.metrics.duration.observe(labels, (performance.now() - startedAt) / 1000);
    });
    next();
  }
}

function routeOf(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}
