import type { IpNetworkVariableDefinition } from '@yardmaster/contracts';
import { commonFields } from '../define/common-fields';
import { checkBounds, checkedVersion, optional } from '../define/option-checks';
import { hasHostBits, maxPrefixLengthOf, networkOf } from '../ip/ip-address';
import { checkPrefix, unparsedPrefixProblem } from '../ip/ip-messages';
import { prefixesPattern } from '../ip/prefixes-pattern';
import { accepted, problem, type VariableOptions, type VariableTypeModule, type VariableValueCheck } from '../variable-type';

/**
 * A network, host bits zero. Checked by the parser: JSON Schema cannot say "host bits zero" (the schema only
 * carries it as the annotation `x-host-bits-zero`), and the parse gives the "did you mean" network.
 */
export const ipNetworkVariableType: VariableTypeModule<IpNetworkVariableDefinition> = {
  type: 'ip_network',
  define: (builder, options) => ({ type: 'ip_network', ...commonFields(options), ...networkOptions(builder, options) }),
  jsonSchema: (definition) => ({
    type: 'string',
    pattern: prefixesPattern(definition.version, definition.minPrefixLength ?? 0, definition.maxPrefixLength ?? 128),
    ...(definition.version === undefined ? {} : { 'x-ip-version': definition.version }),
    ...(definition.minPrefixLength === undefined ? {} : { 'x-min-prefix-length': definition.minPrefixLength }),
    ...(definition.maxPrefixLength === undefined ? {} : { 'x-max-prefix-length': definition.maxPrefixLength }),
    'x-host-bits-zero': true,
  }),
  check: (definition, value) => checkIpNetwork(definition, value),
  cliValueKind: 'string',
};

function networkOptions(builder: string, options: VariableOptions) {
  const version = checkedVersion(builder, options.version);
  const longest = version.version === undefined ? 128 : maxPrefixLengthOf(version.version);
  for (const [name, value] of [['minPrefixLength', options.minPrefixLength], ['maxPrefixLength', options.maxPrefixLength]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= longest)) {
      throw new Error(`${builder}: ${name} must be a whole number from 0 to ${longest}, got ${String(value)}`);
    }
  }
  checkBounds(builder, 'minPrefixLength', options.minPrefixLength, 'maxPrefixLength', options.maxPrefixLength);
  return { ...version, ...optional('minPrefixLength', options.minPrefixLength), ...optional('maxPrefixLength', options.maxPrefixLength) };
}

function checkIpNetwork(definition: IpNetworkVariableDefinition, value: unknown): VariableValueCheck {
  const checked = checkPrefix(value, definition.version);
  if (checked.kind !== 'ok') return problem(unparsedPrefixProblem(checked, 'network', definition.version));
  const { minPrefixLength: min, maxPrefixLength: max } = definition;
  const length = checked.prefix.prefixLength;
  if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
    return problem(`must have a prefix length ${range}`);
  }
  if (hasHostBits(checked.prefix)) return problem(`must have host bits zero: did you mean ${networkOf(checked.prefix).text}?`);
  return accepted(checked.prefix.text);
}
