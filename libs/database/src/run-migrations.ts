import type { DataSource } from 'typeorm';

/** Applies a connection's pending migrations, each in its own transaction; returns the names of those applied. */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
