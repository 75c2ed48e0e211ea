import { ErrorCode, YardError } from '@yardmaster/contracts';

/**
 * How deep JSON may nest: 64 levels of objects and arrays. Far more than any job's data needs, and far less than
 * the call stack that recursive code (JSON.stringify, structuredClone, validators) spends on each level.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether `value` nests objects and arrays deeper than `maxDepth` (`{}` and `[]` are one level, a scalar none).
 * Iterative and stops at the first level too deep, so a hostile value costs no more than walking it once.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ readonly value: unknown; readonly depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const item of Object.values(next.value)) {
      if (item !== null && typeof item === 'object') pending.push({ value: item, depth });
    }
  }
  return false;
}

/** The refusal of JSON nested too deep: MALFORMED_REQUEST, naming the form field when the JSON came in one. */
export function tooDeepError(field?: string): YardError {
  const message = `JSON may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep`;
  return new YardError(ErrorCode.MalformedRequest, message, field === undefined ? undefined : [{ field, message: `must nest at most ${MAX_JSON_DEPTH} levels deep` }]);
}
