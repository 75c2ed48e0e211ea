import type { IntegerVariableDefinition, JsonObject } from '@yardmaster/contracts';
import { hasError, schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { optional } from '../define/option-checks';
import { accepted, problem, type VariableTypeModule } from '../variable-type';

export const integerVariableType: VariableTypeModule<IntegerVariableDefinition> = {
  type: 'integer',
  define: (_builder, options) => ({ type: 'integer', ...commonFields(options), ...optional('minValue', options.minValue), ...optional('maxValue', options.maxValue) }),
  jsonSchema: (definition) => integerSchema(definition),
  check: (definition, value) => {
    const errors = schemaErrors(integerSchema(definition), value);
    if (hasError(errors, 'type')) return problem('must be a whole number');
    if (hasError(errors, 'minimum')) return problem(`must be at least ${definition.minValue}`);
    if (hasError(errors, 'maximum')) return problem(`must be at most ${definition.maxValue}`);
    return accepted(value as number);
  },
  cliValueKind: 'integer',
};

function integerSchema(definition: IntegerVariableDefinition): JsonObject {
  return {
    type: 'integer',
    ...(definition.minValue === undefined ? {} : { minimum: definition.minValue }),
    ...(definition.maxValue === undefined ? {} : { maximum: definition.maxValue }),
  };
}
