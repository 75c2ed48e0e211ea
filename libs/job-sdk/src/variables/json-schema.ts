import type { JsonObject, NamedVariableDefinition, VariableDefinition } from '@yardmaster/contracts';

/** The JSON Schema (draft 2020-12) of a job's run data, with `x-order` so a form keeps the field order. */
export function variablesToJsonSchema(variables: readonly NamedVariableDefinition[]): JsonObject {
  const properties: JsonObject = {};
  variables.forEach((variable, index) => {
    properties[variable.name] = {
      ...propertySchema(variable),
      title: variable.label || variable.name,
      ...(variable.description ? { description: variable.description } : {}),
      ...(variable.default === undefined ? {} : { default: variable.default }),
      'x-order': index,
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    properties,
    required: variables.filter((variable) => variable.required && variable.default === undefined).map((variable) => variable.name),
  };
}

function propertySchema(variable: VariableDefinition): JsonObject {
  switch (variable.type) {
    case 'string':
      return {
        type: 'string',
        ...(variable.minLength === undefined ? {} : { minLength: variable.minLength }),
        ...(variable.maxLength === undefined ? {} : { maxLength: variable.maxLength }),
        ...(variable.regex === undefined ? {} : { pattern: `^(?:${variable.regex})$` }),
      };
    case 'integer':
      return {
        type: 'integer',
        ...(variable.minValue === undefined ? {} : { minimum: variable.minValue }),
        ...(variable.maxValue === undefined ? {} : { maximum: variable.maxValue }),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'choice':
      return {
        type: 'string',
        enum: variable.choices.map(([value]) => value),
        'x-choice-labels': Object.fromEntries(variable.choices.map(([value, label]) => [value, label])),
      };
  }
}
