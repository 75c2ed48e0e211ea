/** An IP address decoded from SNMP, in canonical text (RFC 5952 for IPv6) with its family. */
export interface DecodedAddress {
  address: string;
  family: 4 | 6;
}

/** INET-ADDRESS-MIB InetAddressType values. */
const IPV4 = 1;
const IPV6 = 2;
const IPV4Z = 3;
const IPV6Z = 4;

export function formatIpv4(bytes: readonly number[]): string {
  return bytes.join('.');
}

/** RFC 5952: lower case, no leading zeros, the longest run (first if tied) of two or more zero groups as `::`. */
export function formatIpv6(bytes: readonly number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes[i] * 256 + bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** An InetAddressType with its InetAddress octets; null for DNS names, unknown types and wrong lengths. */
export function decodeInetAddress(type: number, octets: readonly number[]): DecodedAddress | null {
  if (octets.some((byte) => !Number.isInteger(byte) || byte < 0 || byte > 255)) return null;
  if ((type === IPV4 && octets.length === 4) || (type === IPV4Z && octets.length === 8)) return { address: formatIpv4(octets.slice(0, 4)), family: 4 };
  if ((type === IPV6 && octets.length === 16) || (type === IPV6Z && octets.length === 20)) return { address: formatIpv6(octets.slice(0, 16)), family: 6 };
  return null;
}

const ADDRESS_LENGTHS: Record<number, number> = { [IPV4]: 4, [IPV6]: 16, [IPV4Z]: 8, [IPV6Z]: 20 };

/**
 * The InetAddressType + InetAddress pair that ends a table index, starting at `offset`. The address is
 * length-prefixed (RFC 4001); some agents leave the length out, and some (Brocade) write the address as text
 * (`010.040.001.039`): both are recognised. Null when the rest of the index holds no address of the type.
 */
export function inetAddressFromIndex(index: readonly number[], offset: number): { decoded: DecodedAddress; next: number } | null {
  const type = index[offset];
  const size = ADDRESS_LENGTHS[type];
  if (size === undefined) return null;
  const rest = index.length - offset;
  const declared = index[offset + 1];
  if (rest === size + 2 && declared === size) return found(decodeInetAddress(type, index.slice(offset + 2)), index.length);
  if (rest === size + 1) return found(decodeInetAddress(type, index.slice(offset + 1)), index.length);
  if (rest === declared + 2) return found(addressFromText(type, index.slice(offset + 2)), index.length);
  return null;
}

function found(decoded: DecodedAddress | null, next: number): { decoded: DecodedAddress; next: number } | null {
  return decoded ? { decoded, next } : null;
}

/** An address written as ASCII text in the index: dotted IPv4 (leading zeros allowed) or full-form IPv6. */
function addressFromText(type: number, octets: readonly number[]): DecodedAddress | null {
  if (octets.some((byte) => byte < 0x20 || byte > 0x7e)) return null;
  const text = String.fromCharCode(...octets);
  if (type === IPV4 && /^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    return parts.every((part) => part <= 255) ? { address: formatIpv4(parts), family: 4 } : null;
  }
  if (type === IPV6 && /^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){7}$/.test(text)) {
    const bytes = text.split(':').flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]);
    return { address: formatIpv6(bytes), family: 6 };
  }
  return null;
}

/** An IpAddress value (net-snmp gives dotted text) or 4 octets. */
export function asIpv4(value: unknown): string | null {
  if (typeof value === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value;
  if (Buffer.isBuffer(value) && value.length === 4) return formatIpv4([...value]);
  return null;
}

/** The prefix length of a dotted IPv4 netmask; null when the mask is not contiguous. */
export function prefixLengthOfMask(mask: string): number | null {
  const bits = mask.split('.').map((part) => Number(part).toString(2).padStart(8, '0')).join('');
  if (!/^1*0*$/.test(bits) || bits.length !== 32) return null;
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}
