import type { TableComparisonView } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';
import { SHADOW_SCHEMA } from './shadow-schema';

/** The rows of one table that differ, named by key: at most this many per table. */
const DIFFERENCES_NAMED = 5;

type TableSummary = NonNullable<TableComparisonView['live']>;
type RowDifference = TableComparisonView['differences'][number];

/**
 * Compares a live table with its rebuilt twin in the shadow schema, in `manager`'s transaction: counts and checksums
 * first, and only when they differ a join on the primary key for what differs. The columns compared are the rebuilt
 * table's (the migrations' own), but for `notCompared`.
 */
export async function compareTable(manager: EntityManager, liveSchema: string, table: string, notCompared: readonly string[]): Promise<TableComparisonView> {
  const { columns, key } = await tableShape(manager, table);
  const compared = columns.filter((column) => !notCompared.includes(column));
  const rowHash = (alias: string) => `md5(ROW(${compared.map((column) => `${alias}.${quote(column)}`).join(', ')})::text)`;
  const summarize = async (schema: string): Promise<TableSummary> => {
    const [row]: Array<{ rows: string; checksum: string }> = await manager.query(
      `SELECT count(*)::text AS rows, coalesce(sum(('x' || substr(${rowHash('t')}, 1, 15))::bit(60)::bigint), 0)::text AS checksum FROM ${quote(schema)}.${quote(table)} t`,
    );
    return { rows: Number(row.rows), checksum: row.checksum };
  };
  const rebuilt = await summarize(SHADOW_SCHEMA);
  const live = (await tableExists(manager, liveSchema, table)) ? await summarize(liveSchema) : null;
  const base = { table, live, rebuilt, notCompared: notCompared.filter((column) => columns.includes(column)) };
  if (live === null) return { ...base, equal: false, onlyLive: 0, onlyRebuilt: rebuilt.rows, differing: 0, differences: [] };
  if (live.rows === rebuilt.rows && live.checksum === rebuilt.checksum) return { ...base, equal: true, onlyLive: 0, onlyRebuilt: 0, differing: 0, differences: [] };

  const keyList = key.map(quote).join(', ');
  const sides = (schema: string) => `(SELECT ${keyList}, ${rowHash('t')} AS row_hash FROM ${quote(schema)}.${quote(table)} t)`;
  const joined = `${sides(liveSchema)} live FULL JOIN ${sides(SHADOW_SCHEMA)} rebuilt USING (${keyList}) WHERE live.row_hash IS DISTINCT FROM rebuilt.row_hash`;
  const kind = `CASE WHEN live.row_hash IS NULL THEN 'only rebuilt' WHEN rebuilt.row_hash IS NULL THEN 'only live' ELSE 'differs' END`;
  const counts: Array<{ kind: RowDifference['kind']; rows: string }> = await manager.query(`SELECT ${kind} AS kind, count(*)::text AS rows FROM ${joined} GROUP BY 1`);
  const first: Array<Record<string, unknown> & { kind: RowDifference['kind'] }> = await manager.query(`SELECT ${keyList}, ${kind} AS kind FROM ${joined} ORDER BY ${keyList} LIMIT ${DIFFERENCES_NAMED}`);
  const differences: RowDifference[] = [];
  for (const { kind: rowKind, ...keyValues } of first) {
    differences.push(rowKind === 'differs' ? { key: keyValues, kind: rowKind, columns: await differingColumns(manager, liveSchema, table, compared, keyValues) } : { key: keyValues, kind: rowKind });
  }
  const count = (wanted: RowDifference['kind']) => Number(counts.find((row) => row.kind === wanted)?.rows ?? 0);
  return { ...base, equal: false, onlyLive: count('only live'), onlyRebuilt: count('only rebuilt'), differing: count('differs'), differences };
}

export async function tableExists(manager: Pick<EntityManager, 'query'>, schema: string, table: string): Promise<boolean> {
  const [{ found }]: Array<{ found: boolean }> = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`${quote(schema)}.${quote(table)}`]);
  return found;
}

/** The rebuilt table's columns in order, and its primary key's. */
async function tableShape(manager: EntityManager, table: string): Promise<{ columns: string[]; key: string[] }> {
  const columns: Array<{ name: string }> = await manager.query(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [SHADOW_SCHEMA, table],
  );
  const key: Array<{ name: string }> = await manager.query(
    `SELECT a.attname AS name
     FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = to_regclass($1) AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [`${quote(SHADOW_SCHEMA)}.${quote(table)}`],
  );
  if (columns.length === 0 || key.length === 0) throw new Error(`The rebuilt table ${table} has no columns or no primary key`);
  return { columns: columns.map(({ name }) => name), key: key.map(({ name }) => name) };
}

/** Which compared columns differ between a row's live and rebuilt versions. */
async function differingColumns(manager: EntityManager, liveSchema: string, table: string, compared: readonly string[], key: Record<string, unknown>): Promise<string[]> {
  const names = Object.keys(key);
  const where = names.map((name, index) => `${quote(name)} = $${index + 1}`).join(' AND ');
  const read = async (schema: string) => {
    const [row]: Array<Record<string, unknown>> = await manager.query(`SELECT ${compared.map((column) => `to_jsonb(${quote(column)})::text AS ${quote(column)}`).join(', ')} FROM ${quote(schema)}.${quote(table)} WHERE ${where}`, names.map((name) => key[name]));
    return row ?? {};
  };
  const [live, rebuilt] = [await read(liveSchema), await read(SHADOW_SCHEMA)];
  return compared.filter((column) => live[column] !== rebuilt[column]);
}

/** An identifier quoted for SQL; ours are plain lower-case names, so this never changes one. */
export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
