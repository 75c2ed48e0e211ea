import type { FieldError, JsonObject, JsonValue, NamedVariableDefinition, VariableDefinition } from '@yardmaster/contracts';

export type RunDataValidation =
  | { readonly ok: true; readonly data: JsonObject }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks run data against a job's variables and fills in defaults. Every bad field gets its own error,
 * named `data.<variable>`, so a form can show each one beside its field.
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
    if (raw === undefined || raw === null || raw === '') {
      if (variable.default !== undefined) data[variable.name] = variable.default;
      else if (variable.required) errors.push({ field, message: 'is required' });
      continue;
    }
    const problem = problemWith(variable, raw);
    if (problem) errors.push({ field, message: problem });
    else data[variable.name] = raw as JsonValue;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}

function problemWith(variable: VariableDefinition, value: unknown): string | null {
  switch (variable.type) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (variable.minLength !== undefined && value.length < variable.minLength) return `must be at least ${variable.minLength} characters long`;
      if (variable.maxLength !== undefined && value.length > variable.maxLength) return `must be at most ${variable.maxLength} characters long`;
      if (variable.regex !== undefined && !new RegExp(`^(?:${variable.regex})$`, 'u').test(value)) return `must match ${variable.regex}`;
      return null;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
      if (variable.minValue !== undefined && value < variable.minValue) return `must be at least ${variable.minValue}`;
      if (variable.maxValue !== undefined && value > variable.maxValue) return `must be at most ${variable.maxValue}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'choice':
      if (typeof value !== 'string' || !variable.choices.some(([choice]) => choice === value)) {
        return `must be one of ${variable.choices.map(([choice]) => JSON.stringify(choice)).join(', ')}`;
      }
      return null;
  }
}
