import type { IpVersion } from '@yardmaster/contracts';

/**
 * A small, dependency-free IPv4/IPv6 parser for job variables, strict on purpose:
 * - IPv4 is four decimal octets 0-255 without leading zeros (`010` could mean octal to some tools);
 * - IPv6 is RFC 4291 text: one to four hex digits a group, at most one `::` standing for one or more zero
 *   groups, optionally ending in an embedded IPv4 address; no zone (`%eth0`), brackets or spaces;
 * - a prefix length is decimal without leading zeros, 0-32 for IPv4 and 0-128 for IPv6.
 * Canonical text is RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups
 * (the first of equals) written `::`, and IPv4-mapped addresses as `::ffff:192.0.2.1`.
 * The `*_PATTERN` regular expressions below accept exactly the same text; a spec checks them against
 * the parser and against `node:net`'s `isIP`.
 */

export interface IpAddress {
  readonly version: IpVersion;
  /** 4 or 16 bytes, network order. */
  readonly bytes: readonly number[];
  /** The canonical text. */
  readonly text: string;
}

export interface IpPrefix {
  readonly address: IpAddress;
  readonly prefixLength: number;
  /** The canonical `address/prefixLength`, the address's host bits kept as given. */
  readonly text: string;
}

export type IpPrefixParse =
  | { readonly ok: true; readonly prefix: IpPrefix }
  /** `syntax`: not `address/length`; `prefix-length`: a valid address whose length exceeds its family's. */
  | { readonly ok: false; readonly reason: 'syntax' }
  | { readonly ok: false; readonly reason: 'prefix-length'; readonly version: IpVersion };

export function maxPrefixLengthOf(version: IpVersion): number {
  return version === 4 ? 32 : 128;
}

const DECIMAL = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

export function parseIpAddress(text: string): IpAddress | null {
  const v4 = parseIpv4Bytes(text);
  if (v4) return addressOf(4, v4);
  const v6 = parseIpv6Bytes(text);
  return v6 ? addressOf(6, v6) : null;
}

/** Parses `address/prefixLength`; the host bits may be set (see `hasHostBits`). */
export function parseIpPrefix(text: string): IpPrefixParse {
  const slash = text.indexOf('/');
  if (slash === -1 || slash !== text.lastIndexOf('/')) return { ok: false, reason: 'syntax' };
  const address = parseIpAddress(text.slice(0, slash));
  const length = text.slice(slash + 1);
  if (!address || !DECIMAL.test(length)) return { ok: false, reason: 'syntax' };
  const prefixLength = Number(length);
  if (prefixLength > maxPrefixLengthOf(address.version)) return { ok: false, reason: 'prefix-length', version: address.version };
  return { ok: true, prefix: { address, prefixLength, text: `${address.text}/${prefixLength}` } };
}

/** True when any bit after the prefix length is set, as in `192.0.2.1/24`. */
export function hasHostBits(prefix: IpPrefix): boolean {
  return networkBytes(prefix).some((byte, index) => byte !== prefix.address.bytes[index]);
}

/** The network a prefix lies in, host bits cleared: `192.0.2.1/24` gives `192.0.2.0/24`. */
export function networkOf(prefix: IpPrefix): IpPrefix {
  const address = addressOf(prefix.address.version, networkBytes(prefix));
  return { address, prefixLength: prefix.prefixLength, text: `${address.text}/${prefix.prefixLength}` };
}

function networkBytes(prefix: IpPrefix): number[] {
  return prefix.address.bytes.map((byte, index) => {
    const keptBits = Math.min(8, Math.max(0, prefix.prefixLength - index * 8));
    return byte & ((0xff << (8 - keptBits)) & 0xff);
  });
}

function addressOf(version: IpVersion, bytes: number[]): IpAddress {
  return { version, bytes, text: version === 4 ? bytes.join('.') : ipv6Text(bytes) };
}

function parseIpv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => DECIMAL.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

function parseIpv6Bytes(text: string): number[] | null {
  // An embedded IPv4 address is the last 32 bits: parse it, and stand two zero groups in for it.
  let body = text;
  let ipv4Tail: number[] | null = null;
  const lastColon = text.lastIndexOf(':');
  if (lastColon === -1) return null;
  if (text.includes('.', lastColon)) {
    ipv4Tail = parseIpv4Bytes(text.slice(lastColon + 1));
    if (!ipv4Tail) return null;
    body = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!left || !right) return null;
  let groups: number[];
  if (halves.length === 2) {
    // `::` stands for one or more zero groups, so at most seven are written.
    if (left.length + right.length > 7) return null;
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  } else {
    if (left.length !== 8) return null;
    groups = left;
  }
  const bytes = groups.flatMap((group) => [group >> 8, group & 0xff]);
  if (ipv4Tail) bytes.splice(12, 4, ...ipv4Tail);
  return bytes;
}

function groupsOf(text: string): number[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  return groups.every((group) => HEX_GROUP.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
}

function ipv6Text(bytes: readonly number[]): string {
  const groups = Array.from({ length: 8 }, (_, index) => (bytes[index * 2] << 8) | bytes[index * 2 + 1]);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  // The longest run of zero groups, the first of equals; a lone zero group is not shortened (RFC 5952 4.2.2).
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
    start += length;
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((group) => group.toString(16)).join(':');
  return bestStart === -1 ? hex(0, 8) : `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

// --- Regular expressions for JSON Schema `pattern`, unanchored, accepting what the parser accepts. ---

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const H16 = '[0-9A-Fa-f]{1,4}';

/** Dotted-quad IPv4, no leading zeros. */
export const IPV4_PATTERN = `(?:${OCTET}\\.){3}${OCTET}`;

/** `left::right` with `left` groups on the left and up to `room` on the right, the last `tail` written after them. */
function compressed(left: number, room: number, tail: string): string {
  const leftPart = left === 0 ? '' : `${H16}(?::${H16}){${left - 1}}`;
  if (tail === '') return `${leftPart}::${room === 0 ? '' : `(?:${H16}(?::${H16}){0,${room - 1}})?`}`;
  return `${leftPart}::(?:${H16}:){0,${room}}${tail}`;
}

/** RFC 4291 IPv6 text, with or without an embedded IPv4 tail; no zone. */
export const IPV6_PATTERN = `(?:${[
  `(?:${H16}:){7}${H16}`,
  ...Array.from({ length: 8 }, (_, left) => compressed(left, 7 - left, '')),
  `(?:${H16}:){6}${IPV4_PATTERN}`,
  ...Array.from({ length: 6 }, (_, left) => compressed(left, 5 - left, IPV4_PATTERN)),
].join('|')})`;

/** The decimal integers `min` to `max`, without leading zeros: `(?:8|9|10|...|24)`. */
export function integerRangePattern(min: number, max: number): string {
  return `(?:${Array.from({ length: max - min + 1 }, (_, index) => min + index).join('|')})`;
}

/** `address/length` of one family with the length from `min` to `max`. */
export function prefixPattern(version: IpVersion, min: number, max: number): string {
  return `${version === 4 ? IPV4_PATTERN : IPV6_PATTERN}/${integerRangePattern(min, max)}`;
}
