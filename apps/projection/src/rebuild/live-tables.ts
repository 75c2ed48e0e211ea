import type { EntityManager } from '@yardmaster/read-models';
import { ACTIONS_RECORDED_WITHOUT_EVENT } from '../audit/audit-entry';
import { quote, tableExists } from './compare-tables';
import { modelsOf, tablesOf, type ReadModelName } from './read-model-tables';
import { SHADOW_SCHEMA } from './shadow-schema';

/**
 * Holds the live tables against writes until the transaction ends, readers going on: applied_events first (every
 * projection transaction but a batch of log lines writes it first), so that no live transaction waits in a cycle.
 */
export async function lockLiveTables(manager: EntityManager, liveSchema: string, models: readonly ReadModelName[]): Promise<void> {
  const present: string[] = [];
  for (const table of ['applied_events', ...tablesOf(models)]) if (await tableExists(manager, liveSchema, table)) present.push(`${quote(liveSchema)}.${quote(table)}`);
  if (present.length > 0) await manager.query(`LOCK TABLE ${present.join(', ')} IN EXCLUSIVE MODE`);
}

/** The audit entries no event made (an administrator's replay, an earlier rebuild): no stream holds them, so they are kept. */
export async function carryOverAuditWithoutEvent(manager: EntityManager, liveSchema: string): Promise<void> {
  if (!(await tableExists(manager, liveSchema, 'audit_entries'))) return;
  await manager.query(
    `INSERT INTO ${quote(SHADOW_SCHEMA)}.audit_entries SELECT * FROM ${quote(liveSchema)}.audit_entries WHERE action = ANY($1::text[]) ON CONFLICT (event_id) DO NOTHING`,
    [[...ACTIONS_RECORDED_WITHOUT_EVENT]],
  );
}

/**
 * The tables a swap moves: the models', and applied_events with them when every model is rebuilt (the rebuilt
 * record of what is applied then matches every table) or when the live one is gone.
 */
export async function swappedTables(manager: EntityManager, liveSchema: string, models: readonly ReadModelName[]): Promise<string[]> {
  const tables = tablesOf(models);
  const everything = models.length === modelsOf('all').length;
  return everything || !(await tableExists(manager, liveSchema, 'applied_events')) ? [...tables, 'applied_events'] : tables;
}
