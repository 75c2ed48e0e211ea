import type { IpAddressWithMaskVariableDefinition } from '@yardmaster/contracts';
import { commonFields } from '../define/common-fields';
import { checkedVersion } from '../define/option-checks';
import { maxPrefixLengthOf } from '../ip/ip-address';
import { checkPrefix, familyName, prefixExample } from '../ip/ip-messages';
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
  const example = prefixExample('host', definition.version);
  const checked = checkPrefix(value, definition.version);
  switch (checked.kind) {
    case 'syntax':
      return problem(`must be ${familyName(definition.version)} address with a prefix length, e.g. ${example}`);
    case 'family':
      return problem(`must be an IPv${checked.wanted} address with a prefix length, e.g. ${example}, not an IPv${checked.got} one`);
    case 'too-long':
      return problem(`must have a prefix length from 0 to ${maxPrefixLengthOf(checked.version)} for an IPv${checked.version} address`);
    case 'ok':
      return accepted(checked.prefix.text);
  }
}
