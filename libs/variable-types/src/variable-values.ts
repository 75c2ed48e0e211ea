import type { VariableDefinition } from '@yardmaster/contracts';
import { variableTypeOf } from './variable-type-registry';
import type { VariableValueCheck } from './variable-type';

/** Whether a given value counts as not given at all: `null`, `""`, and what the type adds (e.g. `[]`). */
export function isEmptyVariableValue(definition: VariableDefinition, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return variableTypeOf(definition).isAlsoEmpty?.(value) ?? false;
}

/** Checks one given (non-empty) value against its variable's type and options. */
export function checkVariableValue(definition: VariableDefinition, value: unknown): VariableValueCheck {
  return variableTypeOf(definition).check(definition, value);
}

/** Whether run data must hold the variable: required, and nothing to fill in. */
export function mustBeGiven(definition: VariableDefinition): boolean {
  return definition.required && definition.default === undefined;
}
