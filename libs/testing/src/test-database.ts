import { runPendingMigrations } from '@yardmaster/database';
import { createIdentityDataSource } from '@yardmaster/identity';
import { createInventoryDataSource } from '@yardmaster/inventory';
import { createReadModelDataSource, type DataSource } from '@yardmaster/read-models';
import { createEmptyTestDatabase, testDependencies } from '@yardmaster/testing-core';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  /** Users, groups, grants and tokens (the identity library's tables, in the same database). */
  readonly identityDataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * Creates a database of its own for one test file, migrated to the current schema (read models, identity and
 * inventory); `drop` removes it. `dataSource` is the read models'; a test of the inventory opens its own on `url`.
 * `serverUrl` names another PostgreSQL server (e.g. an `OwnPostgresServer`'s) than the shared one.
 */
export async function createTestDatabase(serverUrl: string = testDependencies.databaseUrl): Promise<TestDatabase> {
  const database = await createEmptyTestDatabase(serverUrl);
  const dataSource = await createReadModelDataSource(database.url, 'yardmaster-tests').initialize();
  await runPendingMigrations(dataSource);
  const identityDataSource = await createIdentityDataSource(database.url, 'yardmaster-tests').initialize();
  await runPendingMigrations(identityDataSource);
  await migrateInventoryOf(database.url);
  return {
    url: database.url,
    dataSource,
    identityDataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (identityDataSource.isInitialized) await identityDataSource.destroy();
      await database.drop();
    },
  };
}

/**
 * Connections to a database another part of the run created and migrated (the e2e layer's shared stack): `drop`
 * only closes them, since the database belongs to whoever created it.
 */
export async function openTestDatabase(url: string): Promise<TestDatabase> {
  const dataSource = await createReadModelDataSource(url, 'yardmaster-tests').initialize();
  const identityDataSource = await createIdentityDataSource(url, 'yardmaster-tests').initialize();
  return {
    url,
    dataSource,
    identityDataSource,
    async drop() {
      await Promise.all([dataSource.destroy(), identityDataSource.destroy()]);
    },
  };
}

async function migrateInventoryOf(url: string): Promise<void> {
  const inventory = await createInventoryDataSource(url, 'yardmaster-tests').initialize();
  try {
    await runPendingMigrations(inventory);
  } finally {
    await inventory.destroy();
  }
}
