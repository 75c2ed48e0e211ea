import { Client } from 'pg';
import { createIdentityDataSource, migrateIdentity } from '@yardmaster/identity';
import { createInventoryDataSource, migrateInventory } from '@yardmaster/inventory';
import { createReadModelDataSource, migrateReadModels, type DataSource } from '@yardmaster/read-models';
import { testDependencies, uniqueInstanceName } from './test-environment';

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
  const name = `yard_${uniqueInstanceName()}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = await createReadModelDataSource(url.toString(), 'yardmaster-tests').initialize();
  await migrateReadModels(dataSource);
  const identityDataSource = await createIdentityDataSource(url.toString(), 'yardmaster-tests').initialize();
  await migrateIdentity(identityDataSource);
  await migrateInventoryOf(url.toString());
  return {
    url: url.toString(),
    dataSource,
    identityDataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (identityDataSource.isInitialized) await identityDataSource.destroy();
      await withClient(admin.toString(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function migrateInventoryOf(url: string): Promise<void> {
  const inventory = await createInventoryDataSource(url, 'yardmaster-tests').initialize();
  try {
    await migrateInventory(inventory);
  } finally {
    await inventory.destroy();
  }
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
