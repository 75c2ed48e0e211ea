import type { z } from 'zod';
import { ErrorCode, YardError, type FieldError } from '../errors/error-codes';

/** A message's runtime schema, as the libraries that check messages see it: they need not know the schema library. */
export type Contract<T> = z.ZodType<T>;

/**
 * Checks a message against its contract where it enters a service and returns it typed. A mismatch is a
 * MALFORMED_REQUEST naming each field, never a cast that fails later somewhere else.
 */
export function parseContract<T>(contract: Contract<T>, value: unknown, what: string): T {
  const result = contract.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  const summary = fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ');
  throw new YardError(ErrorCode.MalformedRequest, `${what} does not match its contract: ${summary}`, fieldErrors);
}

/** Zod's issues as the project's field errors: the path joined with dots (`request.jobId`), `(root)` for the whole message. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)', message: issue.message }));
}
