/**
 * Upstream's check (ntc-templates tests/test_structured_data_against_parsed_reference_files.py): the same number of
 * records, and each record with the same keys and the same values. Returns the differences, [] when equal.
 */
export function compareRecords(actual, expected, limit = 5) {
  const differences = [];
  if (actual.length !== expected.length) differences.push(`${actual.length} records, expected ${expected.length}`);
  const count = Math.min(actual.length, expected.length);
  for (let index = 0; index < count && differences.length < limit; index++) {
    const mine = actual[index];
    const theirs = expected[index];
    const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
    for (const key of [...keys].sort()) {
      if (!(key in mine)) differences.push(`record ${index}: no key ${key} (expected ${JSON.stringify(theirs[key])})`);
      else if (!(key in theirs)) differences.push(`record ${index}: extra key ${key} = ${JSON.stringify(mine[key])}`);
      else if (!deepEqual(mine[key], theirs[key])) differences.push(`record ${index}: ${key} = ${JSON.stringify(mine[key])}, expected ${JSON.stringify(theirs[key])}`);
      if (differences.length >= limit) break;
    }
  }
  return differences;
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}
