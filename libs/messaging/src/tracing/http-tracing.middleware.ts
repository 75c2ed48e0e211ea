import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServiceTracing } from './tracing.module';

/** What Express adds to a request once a route matched it. */
interface RoutedRequest extends IncomingMessage {
  readonly route?: { readonly path?: unknown };
  readonly baseUrl?: string;
}

/**
 * A server span per HTTP request, continuing the caller's trace (`traceparent`) when it sent one, active while the
 * request is handled so that the commands it sends carry it on. Named after the route pattern once routing is done.
 * With tracing off it only passes the request on.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  constructor(private readonly tracing: ServiceTracing) {}

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    if (!this.tracing.isOn) {
      next();
      return;
    }
    const parent = propagation.extract(context.active(), request.headers);
    const span = trace.getTracer('yardmaster').startSpan(`${request.method} ${request.url?.split('?')[0]}`, { kind: SpanKind.SERVER }, parent);
    response.once('finish', () => {
      const routed = request as RoutedRequest;
      if (typeof routed.route?.path === 'string') span.updateName(`${request.method} ${routed.baseUrl ?? ''}${routed.route.path}`);
      span.setAttribute('http.response.status_code', response.statusCode);
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  }
}
