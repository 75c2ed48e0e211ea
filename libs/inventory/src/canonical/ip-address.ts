import { parseIpAddress, parseIpPrefix } from '@yardmaster/job-sdk';

/**
 * Addresses in the text the inventory stores (RFC 5952 for IPv6: `2001:DB8::0001` → `2001:db8::1`), on the
 * strict parser object variables use, so that an address a job compares is spelt as the inventory spells it.
 */

/** An address without prefix length (`10.0.0.1`, `fe80::1`) in canonical text; null when it is none. */
export function canonicalIpAddress(text: string): string | null {
  return parseIpAddress(text.trim())?.text ?? null;
}

/** An address with its prefix length (`2001:DB8::1/64` → `2001:db8::1/64`); host bits are kept. Null when it is none. */
export function canonicalIpPrefix(text: string): string | null {
  const parsed = parseIpPrefix(text.trim());
  return parsed.ok ? parsed.prefix.text : null;
}

/**
 * The address in raw bytes, as SNMP tables index them (`ipAddressTable`, `ipNetToPhysicalTable`): 4 bytes
 * IPv4, 16 bytes IPv6; null for any other length (e.g. an IPv6 address with a zone, 20 bytes).
 */
export function ipAddressFromBytes(bytes: Uint8Array | readonly number[]): string | null {
  const values = Array.from(bytes);
  if (values.some((value) => !Number.isInteger(value) || value < 0 || value > 255)) return null;
  if (values.length === 4) return values.join('.');
  if (values.length !== 16) return null;
  const groups = [];
  for (let index = 0; index < 16; index += 2) groups.push((((values[index] as number) << 8) | (values[index + 1] as number)).toString(16));
  return canonicalIpAddress(groups.join(':'));
}

/** The address part of `address/prefixLength` text; what `ipAddresses` are unique by within a VRF. */
export function hostOf(prefixText: string): string {
  return prefixText.split('/')[0] as string;
}
