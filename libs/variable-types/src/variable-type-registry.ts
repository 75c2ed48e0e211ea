import type { VariableDefinition, VariableType } from '@yardmaster/contracts';
import { booleanVariableType } from './types/boolean.variable-type';
import { choiceVariableType } from './types/choice.variable-type';
import { fileVariableType } from './types/file.variable-type';
import { integerVariableType } from './types/integer.variable-type';
import { ipAddressWithMaskVariableType } from './types/ip-address-with-mask.variable-type';
import { ipAddressVariableType } from './types/ip-address.variable-type';
import { ipNetworkVariableType } from './types/ip-network.variable-type';
import { jsonVariableType } from './types/json.variable-type';
import { multiChoiceVariableType } from './types/multi-choice.variable-type';
import { multiObjectVariableType } from './types/multi-object.variable-type';
import { objectVariableType } from './types/object.variable-type';
import { stringVariableType, textVariableType } from './types/string.variable-type';
import type { VariableTypeModule } from './variable-type';

/**
 * Every variable type, by name. A mapped type, so a type added to `VariableDefinition` without a module here
 * does not compile.
 */
export const VARIABLE_TYPES: { readonly [TType in VariableType]: VariableTypeModule<Extract<VariableDefinition, { type: TType }>> } = {
  string: stringVariableType,
  text: textVariableType,
  integer: integerVariableType,
  boolean: booleanVariableType,
  choice: choiceVariableType,
  multi_choice: multiChoiceVariableType,
  ip_address: ipAddressVariableType,
  ip_address_with_mask: ipAddressWithMaskVariableType,
  ip_network: ipNetworkVariableType,
  json: jsonVariableType,
  object: objectVariableType,
  multi_object: multiObjectVariableType,
  file: fileVariableType,
};

export function isVariableType(type: unknown): type is VariableType {
  return typeof type === 'string' && Object.hasOwn(VARIABLE_TYPES, type);
}

/**
 * The module of a definition's type. The one narrowing cast lives here: TypeScript cannot relate the
 * definition's `type` to the mapped registry entry on its own.
 */
export function variableTypeOf<TDefinition extends VariableDefinition>(definition: TDefinition): VariableTypeModule<TDefinition> {
  if (!isVariableType(definition.type)) throw new Error(`Unknown variable type ${JSON.stringify((definition as { type?: unknown }).type)}`);
  return VARIABLE_TYPES[definition.type] as unknown as VariableTypeModule<TDefinition>;
}
