import type { JsonValue } from '@yardmaster/contracts';

/** A step's return value as JSON: `undefined` becomes null; anything JSON cannot carry is an error of the job. */
export function toJsonResult(value: unknown): JsonValue {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('The job returned a value that is not JSON');
  return JSON.parse(text) as JsonValue;
}
