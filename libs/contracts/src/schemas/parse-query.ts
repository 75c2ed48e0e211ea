import { ErrorCode, YardError } from '../errors/error-codes';
import { bodyFieldErrors } from './parse-body';
import type { Contract } from './parse-contract';

/**
 * Checks a query that came over NATS, telling its two failures apart as the asking service expects: a body that
 * is no JSON object at all is MALFORMED_REQUEST (a bug in the caller); an object with bad fields is
 * VALIDATION_FAILED with one field error per field.
 */
export function parseQuery<T>(schema: Contract<T>, body: unknown, what: string): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new YardError(ErrorCode.MalformedRequest, `${what} must be a JSON object`);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // Only strict schemas report unknown fields; a query's schema drops them, so the second argument never shows.
  throw new YardError(ErrorCode.ValidationFailed, `${what} is not valid`, bodyFieldErrors(result.error, 'is not a field of the query'));
}
