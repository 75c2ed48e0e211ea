import type { DataSource } from 'typeorm';

/** Applies a connection's pending migrations, each in its own transaction; returns the names of those applied. */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/**
 * What TypeORM would still change after the migrations, as its SQL statements (sorted): opens the not yet
 * initialized `dataSource`, applies its pending migrations, asks the schema builder, and closes it. Empty when the
 * entities map exactly the schema the migrations build.
 */
export async function schemaDriftAfterMigrations(dataSource: DataSource): Promise<string[]> {
  await dataSource.initialize();
  try {
    await runPendingMigrations(dataSource);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    return pending.upQueries.map((query) => query.query).sort();
  } finally {
    await dataSource.destroy();
  }
}
