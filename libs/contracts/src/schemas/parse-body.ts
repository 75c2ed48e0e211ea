import type { z } from 'zod';
import { ErrorCode, YardError, type FieldError } from '../errors/error-codes';
import type { Contract } from './parse-contract';

/** What a request body's refusal says: its summary, and what is said of each field the body may not have. */
export interface BodyRefusal {
  readonly invalid: string;
  readonly unknownField: string;
}

/**
 * Checks a request body against its schema: VALIDATION_FAILED with one field error per field, unknown fields
 * (`__proto__` too: it is a key like any other) first, each named, then the others in the schema's order.
 */
export function parseBody<T>(schema: Contract<T>, body: unknown, refusal: BodyRefusal): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new YardError(ErrorCode.ValidationFailed, refusal.invalid, bodyFieldErrors(result.error, refusal.unknownField));
}

/** One error per field, as the API has always answered: a field that fails two checks (a fraction below 1) is told once. */
export function bodyFieldErrors(error: z.ZodError, unknownField: string): FieldError[] {
  const unknown: FieldError[] = [];
  const known: FieldError[] = [];
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) unknown.push({ field: [...at, key].join('.'), message: unknownField });
    } else {
      known.push({ field: at.length > 0 ? at.join('.') : '(body)', message: issue.message });
    }
  }
  const seen = new Set<string>();
  return [...unknown, ...known].filter((fieldError) => !seen.has(fieldError.field) && seen.add(fieldError.field));
}
