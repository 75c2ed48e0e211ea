/** The inventory's item classes a CLI inventory row can be told apart as (ENTITY-MIB's, as the SNMP collector uses). */
export type CliItemClass = 'chassis' | 'powerSupply' | 'fan' | 'port' | 'cpu' | 'module' | 'other';

const CLASS_RULES: ReadonlyArray<readonly [RegExp, CliItemClass]> = [
  [/\bchassis\b/i, 'chassis'],
  [/\b(power|pem|psu|pwr)/i, 'powerSupply'],
  [/\bfan/i, 'fan'],
  [/\b(xcvr|transceiver|sfp|qsfp|gbic)/i, 'port'],
  [/\b(routing engine|supervisor|cpu)\b/i, 'cpu'],
  [/\b(fpc|pic|mic|module|linecard|line card|slot|midplane|cb)\b/i, 'module'],
];

/**
 * What a `show inventory` / `show chassis hardware` row is, from its name, then its description and part id. CLI
 * output has no class column; a row nothing matches is `other`.
 */
export function itemClassOf(...texts: readonly string[]): CliItemClass {
  for (const value of texts) {
    for (const [pattern, itemClass] of CLASS_RULES) if (pattern.test(value)) return itemClass;
  }
  return 'other';
}
