import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';

/** What a filter field holds: text, a list of text (a single text counts as a list of one), a boolean, or one of some values. */
export type FilterKind = 'text' | 'list' | 'boolean' | { readonly oneOf: readonly string[] };

/** Checks a filter given in code (a job's, the scheduler's): known fields only, each of its kind. */
export function checkFilter(filter: unknown, kinds: Readonly<Record<string, FilterKind>>, plural: string): void {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new YardError(ErrorCode.ValidationFailed, `A filter of ${plural} must be an object`);
  }
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    // Own filters only: `constructor` or `toString` would otherwise read Object.prototype's.
    const kind = Object.hasOwn(kinds, field) ? kinds[field] : undefined;
    const message = kind === undefined ? `is not a filter of ${plural}` : problemWith(value, kind);
    if (message) errors.push({ field, message });
  }
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `Invalid filter of ${plural}`, errors);
}

/** A list filter's values, whether given as a list or as one text. */
export function listOf(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function problemWith(value: unknown, kind: FilterKind): string | null {
  if (kind === 'text') return typeof value === 'string' ? null : 'must be a string';
  if (kind === 'boolean') return typeof value === 'boolean' ? null : 'must be true or false';
  if (kind === 'list') return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')) ? null : 'must be a list of strings';
  return kind.oneOf.includes(value as string) ? null : `must be one of ${kind.oneOf.join(', ')}`;
}
