import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';
import type { FieldRule } from './field-rule';

/** How one field of an input is checked; `required` fields must be given on create (a patch may leave any out). */
export interface FieldSpec {
  readonly rule: FieldRule<unknown>;
  readonly required?: boolean;
}

export type InputSchema = Readonly<Record<string, FieldSpec>>;

export interface ReadInput {
  /** The fields given, in their stored form. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly errors: FieldError[];
}

/**
 * Checks an input (a create, or with `mode: 'patch'` a change) field by field against `schema`, collecting one
 * error per field. An `undefined` field counts as not given, as it would be after a round trip through JSON.
 */
export function readInput(schema: InputSchema, input: unknown, mode: 'create' | 'patch', noun: string): ReadInput {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new YardError(ErrorCode.ValidationFailed, `A ${noun} must be given as an object of its fields`);
  }
  const fields = input as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const field of Object.keys(fields)) {
    // Own fields only: `in` would take `constructor`, `toString` or `__proto__` for fields of every schema.
    if (!Object.hasOwn(schema, field) && fields[field] !== undefined) errors.push({ field, message: `is not a field of a ${noun}` });
  }
  for (const [field, spec] of Object.entries(schema)) {
    const value = fields[field];
    if (value === undefined) {
      if (spec.required && mode === 'create') errors.push({ field, message: 'is required' });
      continue;
    }
    const result = spec.rule(value);
    if (result.ok) values[field] = result.value;
    else errors.push(...result.problems.map((problem) => ({ field: problem.path ? `${field}.${problem.path}` : field, message: problem.message })));
  }
  return { values, errors };
}

export function throwIfInvalid(errors: readonly FieldError[], noun: string): void {
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `The ${noun} is invalid`, errors);
}
