import { VARIABLE_TYPES } from '../variable-type-registry';
import type { CliValueKind } from './cli-value-kind';

/**
 * How the CLI reads a `--data` value of a declared type, by name: a server newer than the CLI may declare a
 * type it does not know, and `undefined` then leaves the choice to the variable's JSON Schema.
 */
export function cliValueKindOfType(type: string): CliValueKind | undefined {
  return Object.hasOwn(VARIABLE_TYPES, type) ? VARIABLE_TYPES[type as keyof typeof VARIABLE_TYPES].cliValueKind : undefined;
}
