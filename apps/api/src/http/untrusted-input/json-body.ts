import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepError } from './json-depth';

/** The largest request body the API reads: 10 MiB, counted after decompression (a gzip bomb stops there too). */
export const JSON_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** Refuses a parsed body nested too deep before routing, so neither authentication nor a handler ever walks it. */
export function refuseDeepJson(request: Request, _response: Response, next: NextFunction): void {
  next(nestsDeeperThan(request.body, MAX_JSON_DEPTH) ? tooDeepError() : undefined);
}

/**
 * The body parsers, in place of Nest's defaults (create the app with `bodyParser: false`): JSON and URL-encoded
 * forms (flat: no nested keys) up to JSON_BODY_LIMIT_BYTES, then the depth check. They run before routing, so a body
 * too large or too deep is refused before authentication costs anything.
 */
export function readBodiesWithinLimits(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT_BYTES, extended: false });
  app.use(refuseDeepJson);
}
