import type { FieldValue } from '../engine/field-value';
import type { TextFsmTable } from '../engine/run-template';

/**
 * Several templates on one index line (`a.textfsm:b.textfsm`) give one table, as clitable's CliTable.ParseCmd
 * builds it with TextTable.extend: each later table adds only its new columns; a row takes them from the first row
 * of that table with the same Key values, or, without Keys, from the row at the same position; '' otherwise.
 * `keys` are the Key values of the first template that has any (clitable takes them as it goes).
 */
export function mergeTables(first: TextFsmTable, more: readonly { table: TextFsmTable; keys: readonly string[] }[]): TextFsmTable {
  let header = [...first.header];
  const rows = first.rows.map((row) => [...row]);
  for (const { table, keys } of more) {
    const missingKey = keys.find((key) => !header.includes(key));
    if (missingKey !== undefined) throw new Error(`Unknown key: '${missingKey}'`);
    const added = table.header.filter((column) => !header.includes(column));
    if (added.length === 0) continue;
    const from = added.map((column) => table.header.indexOf(column));
    for (const row of rows) row.push(...added.map(() => ''));
    const width = header.length;
    header = [...header, ...added];
    const copy = (target: FieldValue[], source: FieldValue[]) => from.forEach((column, offset) => (target[width + offset] = source[column]));
    if (keys.length === 0) {
      rows.slice(0, table.rows.length).forEach((row, index) => copy(row, table.rows[index]));
      continue;
    }
    const keyColumns = keys.map((key) => [header.indexOf(key), table.header.indexOf(key)] as const);
    for (const row of rows) {
      const partner = table.rows.find((other) => keyColumns.every(([mine, theirs]) => sameField(row[mine], other[theirs])));
      if (partner) copy(row, partner);
    }
  }
  return { header, rows };
}

function sameField(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
