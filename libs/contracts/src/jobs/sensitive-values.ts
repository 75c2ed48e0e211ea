import type { JsonValue } from '../json';

/** What a sensitive value reads as wherever it must not appear: events, read models, logs, replies. */
export const REDACTED = '********';

/** The key of a sealed value in workflow input: `{ "$sealed": "<base64 of IV, ciphertext and tag>" }`. */
export const SEALED_KEY = '$sealed';

/**
 * A sensitive variable's value as the workflow carries it: encrypted by the scheduler with the instance's
 * secrets key, opened only by a collector just before job code runs. A `$` key never comes from a variable's
 * own JSON by accident, because sealing replaces the whole value.
 */
export interface SealedValue {
  readonly [SEALED_KEY]: string;
}

export function isSealedValue(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, JsonValue>)[SEALED_KEY] === 'string'
  );
}

/** The names of a job's sensitive variables, in declaration order. */
export function sensitiveVariableNames(variables: ReadonlyArray<{ readonly name: string; readonly sensitive?: boolean }>): string[] {
  return variables.filter((variable) => variable.sensitive === true).map((variable) => variable.name);
}

/** Authenticated with each sealed value, so it opens only as this run's value of this variable. */
export function sealingContext(runId: string, variable: string): string {
  return `${runId}:${variable}`;
}
