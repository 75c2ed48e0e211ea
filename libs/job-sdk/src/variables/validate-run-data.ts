import type { FieldError, JsonObject, JsonValue, NamedVariableDefinition } from '@yardmaster/contracts';
import { checkVariableValue, isEmptyVariableValue } from '@yardmaster/variable-types';

export { checkVariableValue, type VariableValueCheck } from '@yardmaster/variable-types';

export type RunDataValidation =
  | { readonly ok: true; readonly data: JsonObject }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks run data against a job's variables and fills in defaults. Every bad field gets its own error,
 * named `data.<variable>`, so a form can show each one beside its field. Each value is checked by its
 * variable type's module (`VARIABLE_TYPES` in `@yardmaster/variable-types`).
 *
 * `null`, `""` and (for a multi-choice or multi-object) `[]` count as not given, as an empty form field: the
 * default is filled in, or a required variable is reported missing.
 */
export function validateRunData(variables: readonly NamedVariableDefinition[], input: unknown): RunDataValidation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'data', message: 'must be an object of variable values' }] };
  }
  const given = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const data: JsonObject = {};
  const known = new Set(variables.map((variable) => variable.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) errors.push({ field: `data.${name}`, message: 'is not a variable of this job' });
  }
  for (const variable of variables) {
    const field = `data.${variable.name}`;
    // Own properties only: a variable named `constructor` or `toString` must not read Object.prototype's.
    const raw = Object.hasOwn(given, variable.name) ? given[variable.name] : undefined;
    if (isEmptyVariableValue(variable, raw)) {
      // A copy, so a job that changes its data cannot change the declared default.
      if (variable.default !== undefined) data[variable.name] = structuredClone(variable.default) as JsonValue;
      else if (variable.required) errors.push({ field, message: 'is required' });
      continue;
    }
    const checked = checkVariableValue(variable, raw);
    if (checked.ok) data[variable.name] = checked.value;
    else errors.push({ field, message: checked.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}
