import type { EntityManager } from '@yardmaster/read-models';
import { quote } from './compare-tables';
import { SHADOW_SCHEMA } from './shadow-schema';

/**
 * Puts the rebuilt tables in place of the live ones, in `manager`'s transaction (which holds the live tables locked):
 * the live tables are dropped and the rebuilt ones moved into the live schema, with their indexes, constraints and
 * triggers. The functions those triggers call (the run counters') are moved with them, in place of the live ones of
 * the same name, which only the dropped tables used. Readers wait for the commit, then see the rebuilt tables.
 */
export async function swapTables(manager: EntityManager, liveSchema: string, tables: readonly string[]): Promise<void> {
  const functions: Array<{ name: string; args: string }> = await manager.query(
    `SELECT DISTINCT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args
     FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE NOT t.tgisinternal AND n.nspname = $1 AND t.tgrelid = ANY($2::regclass[])`,
    [SHADOW_SCHEMA, tables.map((table) => `${quote(SHADOW_SCHEMA)}.${quote(table)}`)],
  );
  await manager.query(`DROP TABLE IF EXISTS ${tables.map((table) => `${quote(liveSchema)}.${quote(table)}`).join(', ')}`);
  for (const { name, args } of functions) {
    await manager.query(`DROP FUNCTION IF EXISTS ${quote(liveSchema)}.${quote(name)}(${args})`);
    await manager.query(`ALTER FUNCTION ${quote(SHADOW_SCHEMA)}.${quote(name)}(${args}) SET SCHEMA ${quote(liveSchema)}`);
  }
  for (const table of tables) await manager.query(`ALTER TABLE ${quote(SHADOW_SCHEMA)}.${quote(table)} SET SCHEMA ${quote(liveSchema)}`);
}
