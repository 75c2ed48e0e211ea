import { suffixOf } from '../session/oid';
import type { SnmpSession, SnmpValue } from '../session/snmp-session';
import type { Warnings } from './warnings';

/** One conceptual row: its index sub-identifiers and the value of each column asked for (absent when the agent had none). */
export interface TableRow<C extends string> {
  index: number[];
  values: Partial<Record<C, SnmpValue>>;
}

/**
 * Walks the given columns of a table (`entryOid` = the table's Entry) and joins them into rows by index, in index
 * order of first appearance. Column by column, so columns a collector does not need (counters) are never fetched.
 * A truncated column gives the table one TABLE_TRUNCATED warning, and the rows read so far.
 */
export async function readTable<C extends string>(
  session: SnmpSession,
  name: string,
  entryOid: string,
  columns: Record<C, number>,
  warnings: Warnings,
): Promise<TableRow<C>[]> {
  const rows = new Map<string, TableRow<C>>();
  const truncated: string[] = [];
  for (const [column, number] of Object.entries(columns) as [C, number][]) {
    const columnOid = `${entryOid}.${number}`;
    const { values, stopped } = await session.walk(columnOid);
    if (stopped) truncated.push(`${column}: ${stopped.reason}, ${stopped.detail}`);
    for (const value of values) {
      const index = suffixOf(columnOid, value.oid);
      const key = index.join('.');
      const row: TableRow<C> = rows.get(key) ?? { index, values: {} };
      row.values[column] = value;
      rows.set(key, row);
    }
  }
  // One warning per table: an agent that answers a table out of order usually does so in every column.
  if (truncated.length > 0) warnings.add('TABLE_TRUNCATED', `${name} (${entryOid}) read in part: ${truncated.join('; ')}`, entryOid);
  return [...rows.values()];
}

/** Adds the MIB_MISSING warning when a table had no rows at all. Returns whether it had some. */
export function present(rows: readonly unknown[], name: string, oid: string, warnings: Warnings): boolean {
  if (rows.length > 0) return true;
  warnings.add('MIB_MISSING', `${name} (${oid}) is empty or not implemented`, oid);
  return false;
}
