import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Where Swagger UI is served: its page, scripts and styles. */
export const DOCS_PATH = '/api/docs';

/**
 * The API answers JSON and event streams, never a page: nothing may be loaded, framed or submitted in its name.
 * Swagger UI is a page, so it gets a policy it can live with: its own scripts and styles (its page carries inline
 * <style> blocks), its icons as data: URLs, and requests to this API only; still never framed.
 */
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

const DOCS_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

function headersWith(directives: Record<string, string[]>) {
  // helmet's other defaults stay: nosniff, no X-Powered-By, same-origin resource and opener policies, no referrer.
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives }, frameguard: { action: 'deny' }, referrerPolicy: { policy: 'no-referrer' } });
}

function isDocs(path: string): boolean {
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);
}

/** Hardened headers on every response (errors and 404s included), with the docs' own content security policy. */
export function securityHeaders(): (request: Request, response: Response, next: NextFunction) => void {
  const api = headersWith(API_POLICY);
  const docs = headersWith(DOCS_POLICY);
  return (request, response, next) => (isDocs(request.path) ? docs : api)(request, response, next);
}
