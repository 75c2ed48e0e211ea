import type { BooleanVariableDefinition } from '@yardmaster/contracts';
import { schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { accepted, problem, type VariableTypeModule } from '../variable-type';

/** A boolean is never required: an absent box is `false`, as in a form. */
export const booleanVariableType: VariableTypeModule<BooleanVariableDefinition> = {
  type: 'boolean',
  define: (builder, options) => {
    // Two possible values hide nothing, and an absent box is `false`, a default in clear text.
    if (options.sensitive === true) throw new Error(`${builder}: a boolean cannot be sensitive; use a choiceVar or a stringVar`);
    return { type: 'boolean', ...commonFields({ ...options, default: options.default ?? false }), required: false };
  },
  jsonSchema: () => ({ type: 'boolean' }),
  check: (_definition, value) => (schemaErrors({ type: 'boolean' }, value).length === 0 ? accepted(value as boolean) : problem('must be true or false')),
  cliValueKind: 'boolean',
};
