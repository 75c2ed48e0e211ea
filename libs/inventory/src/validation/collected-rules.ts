import { canonicalIpAddress } from '../canonical/ip-address';
import { canonicalMacAddress } from '../canonical/mac-address';
import { accept, reject, type FieldRule } from './field-rule';

/** Text of at most `max` characters, kept as given ("" allowed): descriptions, serials, versions, VRF names. */
export function textRule(max: number): FieldRule<string> {
  return (value) => {
    if (typeof value !== 'string') return reject('must be a string');
    return value.length > max ? reject(`must be at most ${max} characters`) : accept(value);
  };
}

/** Non-empty text of at most `max` characters, trimmed: an interface's name, a remote port. */
export function requiredTextRule(max: number): FieldRule<string> {
  return (value) => {
    if (typeof value !== 'string' || value.trim() === '') return reject('must be a non-empty string');
    const text = value.trim();
    return text.length > max ? reject(`must be at most ${max} characters`) : accept(text);
  };
}

export function integerRule(min: number, max: number): FieldRule<number> {
  return (value) => (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? accept(value as number) : reject(`must be a whole number from ${min} to ${max}`));
}

export const booleanRule: FieldRule<boolean> = (value) => (typeof value === 'boolean' ? accept(value) : reject('must be true or false'));

/** A MAC address in any common form (`AABB.CCDD.EEFF`, `aa-bb-…`, `aabbccddeeff`), stored as `aa:bb:cc:dd:ee:ff`. */
export const macAddressRule: FieldRule<string> = (value) => {
  const mac = typeof value === 'string' ? canonicalMacAddress(value) : null;
  return mac === null ? reject('must be a MAC address, e.g. aa:bb:cc:dd:ee:ff or aabb.ccdd.eeff') : accept(mac);
};

/** An IPv4 or IPv6 address without prefix length, stored in canonical text. */
export const ipAddressRule: FieldRule<string> = (value) => {
  const ip = typeof value === 'string' ? canonicalIpAddress(value) : null;
  return ip === null ? reject('must be an IP address without prefix length, e.g. 192.0.2.1 or 2001:db8::1') : accept(ip);
};

/** An ISO 8601 time with its offset, stored as a Date. */
export const timestampRule: FieldRule<Date> = (value) => {
  const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : null;
  return time === null || Number.isNaN(time.getTime()) ? reject('must be an ISO 8601 time with its offset, e.g. 2026-12-01T10:00:00Z') : accept(time);
};
