import type { IpVersion } from '@yardmaster/contracts';
import { maxPrefixLengthOf, prefixPattern } from './ip-address';

/** `address/length` for the allowed families, each length within `min`..`max` and its family's maximum. */
export function prefixesPattern(version: IpVersion | undefined, min: number, max: number): string {
  const families: IpVersion[] = version === undefined ? [4, 6] : [version];
  const alternatives = families
    .filter((family) => min <= Math.min(max, maxPrefixLengthOf(family)))
    .map((family) => prefixPattern(family, min, Math.min(max, maxPrefixLengthOf(family))));
  // No family left (only for a hand-written definition, such as IPv4 of at least /40): a pattern nothing matches.
  return alternatives.length === 0 ? '^(?!)$' : `^(?:${alternatives.join('|')})$`;
}
