/**
 * MAC addresses in the one form the inventory stores: six lower-case hex pairs joined by `:`
 * (`aa:bb:cc:dd:ee:ff`). Devices print them many ways; these are the ones collectors meet:
 * - `AA:BB:CC:DD:EE:FF`, `aa-bb-cc-dd-ee-ff` and unpadded `0:1c:42:a:b:c` (six groups of 1-2 digits);
 * - `aabb.ccdd.eeff` (Cisco) and `aabb-ccdd-eeff` (Huawei, H3C): three groups of four digits;
 * - `aabbccddeeff`: twelve digits.
 * One kind of separator per address: `aa:bb-cc:dd:ee:ff` is refused, not guessed at.
 */
export function canonicalMacAddress(text: string): string | null {
  const trimmed = text.trim();
  const separators = new Set(trimmed.match(/[:.-]/g) ?? []);
  if (separators.size > 1) return null;
  const groups = separators.size === 0 ? [trimmed] : trimmed.split([...separators][0] as string);
  const digits = digitsOf(groups);
  return digits === null ? null : pairsOf(digits);
}

/** The MAC address in 6 raw bytes, as SNMP gives `ifPhysAddress` or `ipNetToMediaPhysAddress`; null for any other length. */
export function macAddressFromBytes(bytes: Uint8Array | readonly number[]): string | null {
  if (bytes.length !== 6) return null;
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(':');
}

function digitsOf(groups: readonly string[]): string | null {
  const allHex = (width: RegExp) => groups.every((group) => width.test(group));
  if (groups.length === 1 && allHex(/^[0-9a-fA-F]{12}$/)) return groups[0] as string;
  if (groups.length === 3 && allHex(/^[0-9a-fA-F]{4}$/)) return groups.join('');
  if (groups.length === 6 && allHex(/^[0-9a-fA-F]{1,2}$/)) return groups.map((group) => group.padStart(2, '0')).join('');
  return null;
}

function pairsOf(digits: string): string {
  return (digits.toLowerCase().match(/../g) as string[]).join(':');
}
