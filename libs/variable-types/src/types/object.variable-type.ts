import type { ObjectVariableDefinition } from '@yardmaster/contracts';
import { schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { accepted, problem, type VariableTypeModule } from '../variable-type';
import { modelName, objectHints, objectOptions, UUID_SCHEMA } from './object-options';

/** One inventory record, given by its id (a UUID), as Nautobot's ObjectVar. */
export const objectVariableType: VariableTypeModule<ObjectVariableDefinition> = {
  type: 'object',
  define: (builder, options) => ({ type: 'object', ...commonFields(options), ...objectOptions(builder, options) }),
  jsonSchema: (definition) => ({ ...UUID_SCHEMA, ...objectHints(definition) }),
  check: (definition, value) =>
    schemaErrors(UUID_SCHEMA, value).length === 0 ? accepted((value as string).toLowerCase()) : problem(`must be the id (a UUID) of a ${modelName(definition.model)}`),
  cliValueKind: 'string',
};
