import type { JsonObject, JsonValue, VariableDefinition } from '@yardmaster/contracts';
import type { CliValueKind } from './cli/cli-value-kind';

/** One variable's value checked: the value run data holds (IP addresses in canonical text), or what is wrong. */
export type VariableValueCheck = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: string };

/** The options every builder takes, before a type adds its own; the SDK's builders type them precisely. */
export interface VariableOptions {
  readonly label?: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: unknown;
  readonly sensitive?: boolean;
  readonly [option: string]: unknown;
}

/**
 * Everything one variable type means, in one place: a new type is one module of this shape, registered in
 * `VARIABLE_TYPES`. The API, scheduler, collector, SDK and CLI all go through the registry.
 */
export interface VariableTypeModule<TDefinition extends VariableDefinition> {
  readonly type: TDefinition['type'];
  /**
   * The definition a builder makes from its options (`builder` names it in errors). It throws on options that
   * make no sense; the default is checked afterwards by `check`, as run data would be.
   */
  define(builder: string, options: VariableOptions): TDefinition;
  /** The property's JSON Schema; `mustBeGiven` when the variable is required without a default. */
  jsonSchema(definition: TDefinition, mustBeGiven: boolean): JsonObject;
  /** Checks one given (non-empty) value against the definition's type and options. */
  check(definition: TDefinition, value: unknown): VariableValueCheck;
  /** Whether a given value also counts as not given, beyond `undefined`, `null` and `""` (e.g. `[]`). */
  readonly isAlsoEmpty?: (value: unknown) => boolean;
  /**
   * How the CLI reads a `--data` value of this type; `undefined` leaves it to the variable's JSON Schema, as
   * for a type the CLI does not know.
   */
  readonly cliValueKind: CliValueKind | undefined;
}

export function problem(message: string): VariableValueCheck {
  return { ok: false, message };
}

export function accepted(value: JsonValue): VariableValueCheck {
  return { ok: true, value };
}
