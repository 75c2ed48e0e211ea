import type { IpVersion } from '@yardmaster/contracts';
import { maxPrefixLengthOf, parseIpPrefix, type IpPrefix } from './ip-address';

export type PrefixCheck =
  | { readonly kind: 'ok'; readonly prefix: IpPrefix }
  | { readonly kind: 'syntax' }
  | { readonly kind: 'family'; readonly wanted: IpVersion; readonly got: IpVersion }
  | { readonly kind: 'too-long'; readonly version: IpVersion };

/** Parses `address/length`, telling a wrong family apart from bad text and from a length past the family's. */
export function checkPrefix(value: unknown, version: IpVersion | undefined): PrefixCheck {
  if (typeof value !== 'string') return { kind: 'syntax' };
  const parsed = parseIpPrefix(value);
  const got = parsed.ok ? parsed.prefix.address.version : parsed.reason === 'prefix-length' ? parsed.version : undefined;
  if (got === undefined) return { kind: 'syntax' };
  if (version !== undefined && got !== version) return { kind: 'family', wanted: version, got };
  return parsed.ok ? { kind: 'ok', prefix: parsed.prefix } : { kind: 'too-long', version: got };
}

export function familyName(version: IpVersion | undefined): string {
  return version === undefined ? 'an IPv4 or IPv6' : `an IPv${version}`;
}

export function addressExample(version: IpVersion | undefined): string {
  return version === 4 ? '192.0.2.1' : version === 6 ? '2001:db8::1' : '192.0.2.1 or 2001:db8::1';
}

export function prefixExample(kind: 'host' | 'network', version: IpVersion | undefined): string {
  const [v4, v6] = kind === 'host' ? ['192.0.2.1/24', '2001:db8::1/64'] : ['192.0.2.0/24', '2001:db8::/32'];
  return version === 4 ? v4 : version === 6 ? v6 : `${v4} or ${v6}`;
}

/** What a prefix variable asks for, in its messages: an address with its length, or a network (host bits zero). */
const PREFIX_WORDING = {
  host: { noun: 'address', withSyntax: 'address with a prefix length', ofFamily: 'address with a prefix length' },
  network: { noun: 'network', withSyntax: 'network with host bits zero', ofFamily: 'network' },
} as const;

/** Why a value is not a prefix of the wanted family: its message, with an example of the kind asked for. */
export function unparsedPrefixProblem(checked: Exclude<PrefixCheck, { kind: 'ok' }>, kind: 'host' | 'network', version: IpVersion | undefined): string {
  const wording = PREFIX_WORDING[kind];
  const example = prefixExample(kind, version);
  switch (checked.kind) {
    case 'syntax':
      return `must be ${familyName(version)} ${wording.withSyntax}, e.g. ${example}`;
    case 'family':
      return `must be an IPv${checked.wanted} ${wording.ofFamily}, e.g. ${example}, not an IPv${checked.got} one`;
    case 'too-long':
      return `must have a prefix length from 0 to ${maxPrefixLengthOf(checked.version)} for an IPv${checked.version} ${wording.noun}`;
  }
}
