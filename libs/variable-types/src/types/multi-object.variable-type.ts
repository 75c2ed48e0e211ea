import type { JsonObject, MultiObjectVariableDefinition } from '@yardmaster/contracts';
import { schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { accepted, problem, type VariableTypeModule, type VariableValueCheck } from '../variable-type';
import { modelName, objectHints, objectOptions, UUID_SCHEMA } from './object-options';

/** Several records of one model, as Nautobot's MultiObjectVar: an array of ids; `[]` counts as not given. */
export const multiObjectVariableType: VariableTypeModule<MultiObjectVariableDefinition> = {
  type: 'multi_object',
  define: (builder, options) => ({ type: 'multi_object', ...commonFields(options), ...objectOptions(builder, options) }),
  jsonSchema: (definition, mustBeGiven) => ({ ...idsSchema, uniqueItems: true, ...(mustBeGiven ? { minItems: 1 } : {}), ...objectHints(definition) }),
  check: (definition, value) => checkMultiObject(definition, value),
  isAlsoEmpty: (value) => Array.isArray(value) && value.length === 0,
  cliValueKind: 'list',
};

const idsSchema: JsonObject = { type: 'array', items: UUID_SCHEMA };

function checkMultiObject(definition: MultiObjectVariableDefinition, value: unknown): VariableValueCheck {
  if (schemaErrors(idsSchema, value).length > 0) return problem(`must be an array of ids (UUIDs) of ${modelName(definition.model)} records`);
  // Not `uniqueItems`: ids differ in case only would pass it, and name the same record.
  const ids = (value as string[]).map((id) => id.toLowerCase());
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) return problem(`must not list an id twice: ${[...new Set(repeated)].join(', ')}`);
  return accepted(ids);
}
