/** OCTET STRING values arrive as Buffers; a fake or an odd agent may give a string. Anything else is not octets. */
export function asOctets(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'latin1');
  return null;
}

/**
 * Text from a DisplayString (names, descriptions): UTF-8 when valid, else Latin-1; trailing NULs and whitespace,
 * which several agents pad with, removed. Null for a value that is not octets.
 */
export function asText(value: unknown): string | null {
  const octets = asOctets(value);
  if (!octets) return null;
  const utf8 = octets.toString('utf8');
  const text = utf8.includes('\uFFFD') ? octets.toString('latin1') : utf8;
  return text.replace(/[\0\s]+$/u, '');
}

/** Integer-like values: INTEGER, Counter32, Gauge32, TimeTicks (numbers), Counter64 (a big-endian Buffer or bigint). */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value) && value.length > 0 && value.length <= 8) {
    let result = 0;
    for (const byte of value) result = result * 256 + byte;
    return result;
  }
  return null;
}

/** A MAC address in canonical form (`aa:bb:cc:dd:ee:ff`) from its 6 octets; null for any other length or all zeros. */
export function macFromOctets(octets: Buffer | readonly number[] | null): string | null {
  if (!octets || octets.length !== 6) return null;
  const bytes = [...octets];
  if (bytes.some((byte) => byte < 0 || byte > 255 || !Number.isInteger(byte))) return null;
  if (bytes.every((byte) => byte === 0)) return null;
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}

/** An OCTET STRING value as a MAC address (see macFromOctets). */
export function asMac(value: unknown): string | null {
  return macFromOctets(asOctets(value));
}
