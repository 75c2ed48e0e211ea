import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiConfig } from '../config';
import { securityHeaders } from './security-headers';
import { readBodiesWithinLimits } from './untrusted-input/json-body';

/** The headers a browser may send to the API across origins, and those its scripts may read back. */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Last-Event-ID', 'X-Correlation-Id', 'Idempotency-Key'];
const CORS_RESPONSE_HEADERS = ['Location', 'Retry-After', 'WWW-Authenticate'];

/**
 * What every request meets before any route: hardened headers, CORS only for the configured origins, and body
 * parsers with limits. Create the app with `bodyParser: false`: the parsers are these. Order matters: headers
 * first, so that even a refused body's 413 carries them.
 */
export function configureHttpEdge(app: NestExpressApplication, config: Pick<ApiConfig, 'corsOrigins'>): void {
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: [...config.corsOrigins], allowedHeaders: CORS_REQUEST_HEADERS, exposedHeaders: CORS_RESPONSE_HEADERS, maxAge: 600 });
  }
  readBodiesWithinLimits(app);
}
