import type { VariableDefinition, VariableType } from '@yardmaster/contracts';
import { VARIABLE_TYPES } from '../variable-type-registry';
import type { VariableOptions } from '../variable-type';
import { checkVariableValue } from '../variable-values';

/**
 * The definition `builder` (e.g. `stringVar`) makes of its options: the type's own option checks, then the
 * default checked as run data would be, so a bad default fails when the job is declared, not in a run; IP
 * defaults are kept in canonical text, as given values are.
 */
export function defineVariable<TType extends VariableType>(type: TType, builder: string, options: VariableOptions): Extract<VariableDefinition, { type: TType }> {
  const definition = VARIABLE_TYPES[type].define(builder, options) as VariableDefinition;
  if (definition.sensitive === true && definition.default !== undefined) {
    throw new Error(`${builder}: a sensitive variable cannot have a default: the catalog would hold it in clear text`);
  }
  if (definition.default === undefined) return definition as Extract<VariableDefinition, { type: TType }>;
  const checked = checkVariableValue(definition, definition.default);
  if (!checked.ok) {
    const shown = typeof definition.default === 'number' ? String(definition.default) : (JSON.stringify(definition.default) ?? String(definition.default));
    throw new Error(`${builder}: default ${shown} ${checked.message}`);
  }
  return { ...definition, default: checked.value } as Extract<VariableDefinition, { type: TType }>;
}
