/** Compares two dotted OIDs numerically, sub-identifier by sub-identifier (what "increasing" means for a walk). */
export function compareOids(left: string, right: string): number {
  const a = left.split('.');
  const b = right.split('.');
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = Number(a[i]) - Number(b[i]);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

export function isUnder(baseOid: string, oid: string): boolean {
  return oid.startsWith(`${baseOid}.`);
}

/** The sub-identifiers after `baseOid` (a table row's index, for a column's OID). */
export function suffixOf(baseOid: string, oid: string): number[] {
  return oid.slice(baseOid.length + 1).split('.').map(Number);
}
