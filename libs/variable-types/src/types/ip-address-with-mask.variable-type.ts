import type { IpAddressWithMaskVariableDefinition } from '@yardmaster/contracts';
import { commonFields } from '../define/common-fields';
import { checkedVersion } from '../define/option-checks';
import { checkPrefix, unparsedPrefixProblem } from '../ip/ip-messages';
import { prefixesPattern } from '../ip/prefixes-pattern';
import { accepted, problem, type VariableTypeModule, type VariableValueCheck } from '../variable-type';

/** An address with its prefix length, host bits allowed; checked by the parser, which also canonicalises. */
export const ipAddressWithMaskVariableType: VariableTypeModule<IpAddressWithMaskVariableDefinition> = {
  type: 'ip_address_with_mask',
  define: (builder, options) => ({ type: 'ip_address_with_mask', ...commonFields(options), ...checkedVersion(builder, options.version) }),
  jsonSchema: (definition) => ({
    type: 'string',
    pattern: prefixesPattern(definition.version, 0, 128),
    ...(definition.version === undefined ? {} : { 'x-ip-version': definition.version }),
  }),
  check: (definition, value) => checkIpAddressWithMask(definition, value),
  cliValueKind: 'string',
};

function checkIpAddressWithMask(definition: IpAddressWithMaskVariableDefinition, value: unknown): VariableValueCheck {
  const checked = checkPrefix(value, definition.version);
  if (checked.kind !== 'ok') return problem(unparsedPrefixProblem(checked, 'host', definition.version));
  return accepted(checked.prefix.text);
}
