/**
 * What devices print, made into the values the inventory keeps. Each function answers null (or '') for text it
 * cannot read, never a guess: a collector turns a null into a warning or a missing field.
 */

/** A MAC address in any of the CLI spellings (`0010.0de0.e289`, `00:10:0d:e0:e2:89`, `00-10-0D-E0-E2-89`) as `00:10:0d:e0:e2:89`. */
export function canonicalMac(text: string): string | null {
  const hex = text.trim().toLowerCase().replace(/[.:-]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** An integer from the text's first run of digits (`1500`, `1514 bytes`), or null. */
export function integerIn(text: string): number | null {
  const match = /\d+/.exec(text);
  return match ? Number(match[0]) : null;
}

/** `1000000 Kbit`, `10000000 kbit`, `100 Mb/s`, `10 Gbps`, `1000Mbps` → kbit/s, or null when no unit is recognised. */
export function speedKbps(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(k|m|g|t)?(?:bit|b\/s|bps|b)\b/i.exec(text) ?? /^\s*(\d+(?:\.\d+)?)\s*(k|m|g|t)\b/i.exec(text);
  if (!match) return null;
  const factor = { k: 1, m: 1_000, g: 1_000_000, t: 1_000_000_000 }[(match[2] ?? 'k').toLowerCase() as 'k'];
  return Math.round(Number(match[1]) * factor);
}

const UNIT_SECONDS: Record<string, number> = { year: 31_536_000, week: 604_800, day: 86_400, hour: 3_600, minute: 60, second: 1 };

/**
 * Uptime as devices word it → seconds: `2 years, 31 weeks, 6 days, 9 hours, 55 minutes` (IOS),
 * `123 day(s), 5 hour(s), 15 minute(s), 19 second(s)` (NX-OS), `1 hour and 5 minutes` (EOS). Null when no unit is found.
 */
export function uptimeSeconds(text: string): number | null {
  let seconds = 0;
  let found = false;
  for (const match of text.matchAll(/(\d+)\s*(year|week|day|hour|minute|second)/gi)) {
    seconds += Number(match[1]) * UNIT_SECONDS[match[2].toLowerCase()];
    found = true;
  }
  return found ? seconds : null;
}

/** A dotted mask's prefix length (`255.255.255.0` → 24), or null when the mask is not contiguous. */
export function prefixOfMask(mask: string): number | null {
  const octets = mask.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) return null;
  const bits = octets.map((octet) => octet.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : null;
}

/** `10.0.0.1` and `24` (or `10.0.0.1/24`) → `10.0.0.1/24`; null when the address or the length is not one. */
export function addressWithPrefix(ip: string, prefixLength?: string | number | null): string | null {
  const [host, inline] = ip.trim().split('/');
  const length = inline ?? (prefixLength === undefined || prefixLength === null ? '' : String(prefixLength));
  if (!host || !/^\d+$/.test(length)) return null;
  const family = host.includes(':') ? 6 : 4;
  if (family === 4 && !/^(\d{1,3}\.){3}\d{1,3}$/.test(host)) return null;
  if (family === 6 && !/^[0-9a-f:.]+$/i.test(host)) return null;
  const bits = Number(length);
  if (bits > (family === 4 ? 32 : 128)) return null;
  return `${host.toLowerCase()}/${bits}`;
}

/** A VLAN id 1-4094 from text, or null (Junos prints VLAN names in some tables). */
export function vlanId(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const vlan = Number(text);
  return vlan >= 1 && vlan <= 4094 ? vlan : null;
}

/** The text, or '' for the values TextFSM leaves empty or a device prints for none. */
export function textOrEmpty(value: string | undefined): string {
  const text = (value ?? '').trim();
  return text === '-' ? '' : text;
}

/** The first entry of a List value (ntc-templates' `hardware`, `serial`), or the value itself. */
export function firstOf(value: string | readonly string[] | undefined): string {
  if (Array.isArray(value)) return (value[0] as string | undefined) ?? '';
  return (value as string | undefined) ?? '';
}
