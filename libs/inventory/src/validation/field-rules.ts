import { parseIpPrefix } from '@yardmaster/job-sdk';
import { accept, reject, type FieldRule } from './field-rule';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from './slug';

export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 200;

export const nameRule: FieldRule<string> = (value) => {
  if (typeof value !== 'string' || value.trim() === '') return reject('must be a non-empty string');
  const name = value.trim();
  return name.length > MAX_NAME_LENGTH ? reject(`must be at most ${MAX_NAME_LENGTH} characters`) : accept(name);
};

export const slugRule: FieldRule<string> = (value) => {
  if (typeof value !== 'string' || !SLUG_PATTERN.test(value)) return reject('must be lower-case letters, digits, - and _ (e.g. ams-1)');
  return value.length > MAX_SLUG_LENGTH ? reject(`must be at most ${MAX_SLUG_LENGTH} characters`) : accept(value);
};

export const descriptionRule: FieldRule<string> = (value) => {
  if (typeof value !== 'string') return reject('must be a string');
  return value.length > MAX_DESCRIPTION_LENGTH ? reject(`must be at most ${MAX_DESCRIPTION_LENGTH} characters`) : accept(value);
};

/** Six hex digits without `#`, stored lower-case. */
export const colorRule: FieldRule<string> = (value) =>
  typeof value === 'string' && /^[0-9a-fA-F]{6}$/.test(value) ? accept(value.toLowerCase()) : reject('must be six hex digits without #, e.g. 9e9e9e');

/** A collector driver name such as `cisco_ios`, or "" for none. */
export const networkDriverRule: FieldRule<string> = (value) =>
  typeof value === 'string' && /^[a-z0-9_]{0,50}$/.test(value) ? accept(value) : reject('must be a driver name of lower-case letters, digits and _ (e.g. cisco_ios), or ""');

export function oneOfRule<T extends string>(values: readonly T[]): FieldRule<T> {
  return (value) => ((values as readonly unknown[]).includes(value) ? accept(value as T) : reject(`must be one of ${values.join(', ')}`));
}

/** An id of another record; whether one exists is checked against the database afterwards. */
export function referenceRule(noun: string): FieldRule<string> {
  return (value) => (typeof value === 'string' && value !== '' ? accept(value) : reject(`must be the id of a ${noun}`));
}

/**
 * An address with its prefix length, IPv4 or IPv6 (a device's primary and out-of-band addresses, an IP address
 * record's), stored in canonical text (`2001:DB8::0001/64` → `2001:db8::1/64`).
 */
export const addressWithPrefixRule: FieldRule<string> = (value) => {
  if (typeof value !== 'string') return reject('must be an IP address with its prefix length, e.g. 192.0.2.10/24');
  const parsed = parseIpPrefix(value.trim());
  if (parsed.ok) return accept(parsed.prefix.text);
  if (parsed.reason === 'prefix-length') return reject(`has a prefix length over ${parsed.version === 4 ? 32 : 128}, the most for IPv${parsed.version}`);
  return reject('must be an IP address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64');
};

/** Tag slugs: duplicates dropped, sorted; whether each tag exists is checked against the database afterwards. */
export const tagSlugsRule: FieldRule<string[]> = (value) => {
  if (!Array.isArray(value) || !value.every((slug) => typeof slug === 'string')) return reject('must be a list of tag slugs');
  return accept([...new Set(value as string[])].sort());
};
