import { formatIpv4, formatIpv6 } from '../../decode/inet-address';
import { asOctets, macFromOctets } from '../../decode/octets';

/** LLDP-MIB LldpChassisIdSubtype macAddress(4) / networkAddress(5); LldpPortIdSubtype macAddress(3) / networkAddress(4). */
export const CHASSIS_MAC = 4;
export const CHASSIS_NETWORK_ADDRESS = 5;
export const PORT_MAC = 3;
export const PORT_NETWORK_ADDRESS = 4;

/**
 * An LLDP chassis or port id as text: a canonical MAC for the MAC subtype, an address for the network-address
 * subtype (IANA family octet first), the text itself when printable, else the octets in colon-separated hex.
 */
export function lldpIdText(value: unknown, isMac: boolean, isNetworkAddress: boolean): string | null {
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
  return [...octets].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}
