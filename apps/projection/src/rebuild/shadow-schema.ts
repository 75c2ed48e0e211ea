import { createReadModelDataSourceIn, migrateReadModels, type DataSource } from '@yardmaster/read-models';

/** Where a rebuild writes: a schema of its own beside the live tables, which it builds with the same migrations. */
export const SHADOW_SCHEMA = 'read_models_rebuild';

/**
 * A DataSource on the shadow schema: the projectors' unqualified table names (and the run-count triggers'
 * functions) reach the shadow tables and never the live ones. Three connections: the read models' replay and the
 * audit's run side by side, and one to spare. A crash loses nothing: the shadow schema is dropped and built again.
 */
export function shadowDataSource(databaseUrl: string): DataSource {
  return createReadModelDataSourceIn(SHADOW_SCHEMA, databaseUrl, 'yardmaster-rebuild', 3);
}

/** Drops what an earlier rebuild left and creates the shadow schema empty, with every read model table migrated. */
export async function createShadowSchema(live: DataSource, shadow: DataSource): Promise<void> {
  await dropShadowSchema(live);
  await live.query(`CREATE SCHEMA ${SHADOW_SCHEMA}`);
  await migrateReadModels(shadow);
}

export async function dropShadowSchema(live: Pick<DataSource, 'query'>): Promise<void> {
  await live.query(`DROP SCHEMA IF EXISTS ${SHADOW_SCHEMA} CASCADE`);
}
