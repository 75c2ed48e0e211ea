import type { JsonObject, JsonValue, NamedVariableDefinition } from '@yardmaster/contracts';
import { mustBeGiven, variableTypeOf } from '@yardmaster/variable-types';

/**
 * The JSON Schema (draft 2020-12) of a job's run data, with `x-order` so a form keeps the field order; each
 * property's schema comes from its variable type's module (`VARIABLE_TYPES` in `@yardmaster/variable-types`).
 *
 * It asserts what `validateRunData` checks, with two differences a standard validator cannot express:
 * - `validateRunData` also takes `null`, `""` and (multi-choice) `[]` as "not given"; the schema wants such a
 *   field left out. A required variable without a default refuses its empty value in the schema too.
 * - an IP network's host bits must be zero: the schema says so only as the annotation `x-host-bits-zero`.
 * `format: ipv4`/`ipv6` is only an annotation in 2020-12 unless a validator asserts formats, so IP fields carry
 * a `pattern` as well. `x-*` keywords are annotations for forms; a sensitive variable is `writeOnly` and `x-sensitive`.
 */
export function variablesToJsonSchema(variables: readonly NamedVariableDefinition[]): JsonObject {
  const properties: JsonObject = {};
  variables.forEach((variable, index) => {
    properties[variable.name] = {
      ...variableTypeOf(variable).jsonSchema(variable, mustBeGiven(variable)),
      title: variable.label || variable.name,
      ...(variable.description ? { description: variable.description } : {}),
      ...(variable.default === undefined ? {} : { default: variable.default as JsonValue }),
      // writeOnly: a client sends it and never gets it back; x-sensitive tells a form to mask it.
      ...(variable.sensitive === true ? { writeOnly: true, 'x-sensitive': true } : {}),
      'x-order': index,
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    properties,
    required: variables.filter(mustBeGiven).map((variable) => variable.name),
  };
}
