import type { IpAddressVariableDefinition, JsonObject } from '@yardmaster/contracts';
import { commonFields } from '../define/common-fields';
import { checkedVersion } from '../define/option-checks';
import { IPV4_PATTERN, IPV6_PATTERN, parseIpAddress, parseIpPrefix } from '../ip/ip-address';
import { addressExample, familyName } from '../ip/ip-messages';
import { accepted, problem, type VariableTypeModule, type VariableValueCheck } from '../variable-type';

/**
 * An IPv4 or IPv6 address without a mask; run data holds its canonical text. Checked by the parser, not by
 * Ajv: the value is parsed anyway to canonicalise it, and the parse tells a mask or a wrong family apart.
 */
export const ipAddressVariableType: VariableTypeModule<IpAddressVariableDefinition> = {
  type: 'ip_address',
  define: (builder, options) => ({ type: 'ip_address', ...commonFields(options), ...checkedVersion(builder, options.version) }),
  jsonSchema: (definition): JsonObject => {
    // `format` is only an annotation in 2020-12 unless a validator asserts formats, hence the pattern too.
    const ipv4 = { format: 'ipv4', pattern: `^${IPV4_PATTERN}$` };
    const ipv6 = { format: 'ipv6', pattern: `^${IPV6_PATTERN}$` };
    if (definition.version === 4) return { type: 'string', ...ipv4 };
    if (definition.version === 6) return { type: 'string', ...ipv6 };
    return { type: 'string', anyOf: [ipv4, ipv6] };
  },
  check: (definition, value) => checkIpAddress(definition, value),
  cliValueKind: 'string',
};

function checkIpAddress(definition: IpAddressVariableDefinition, value: unknown): VariableValueCheck {
  const example = addressExample(definition.version);
  const address = typeof value === 'string' ? parseIpAddress(value) : null;
  if (!address) {
    const masked = typeof value === 'string' ? parseIpPrefix(value) : null;
    const sameFamily = masked?.ok && (definition.version === undefined || masked.prefix.address.version === definition.version);
    if (masked?.ok && sameFamily) return problem(`must be an address without a mask: did you mean ${masked.prefix.address.text}?`);
    return problem(`must be ${familyName(definition.version)} address without a mask, e.g. ${example}`);
  }
  if (definition.version !== undefined && address.version !== definition.version) {
    return problem(`must be an IPv${definition.version} address, e.g. ${example}, not an IPv${address.version} one`);
  }
  return accepted(address.text);
}
