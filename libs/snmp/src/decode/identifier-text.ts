import { formatIpv4, formatIpv6 } from './inet-address';
import { asOctets, macFromOctets } from './octets';

/**
 * A neighbour's identifier (LLDP chassis/port id, CDP device id/port) as text: a canonical MAC when it says it is
 * one, or when it is 6 unprintable octets (some CDP speakers send their MAC raw); an address for LLDP's network-address
 * subtype (IANA family octet first); the text itself when printable; else the octets in colon-separated hex.
 */
export function identifierText(value: unknown, isMac: boolean, isNetworkAddress: boolean): string | null {
  const octets = asOctets(value);
  if (!octets || octets.length === 0) return null;
  if (isMac) {
    const mac = macFromOctets(octets);
    if (mac) return mac;
  }
  if (isNetworkAddress) {
    const family = octets[0];
    const address = [...octets.subarray(1)];
    if (family === 1 && address.length === 4) return formatIpv4(address);
    if (family === 2 && address.length === 16) return formatIpv6(address);
  }
  const text = octets.toString('utf8').replace(/\0+$/u, '');
  if (/^[\x20-\x7e\u00a0-\uffff]+$/u.test(text) && !text.includes('\uFFFD')) return text.trim();
  if (octets.length === 6) return macFromOctets(octets) ?? '00:00:00:00:00:00';
  return [...octets].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}
