import { Client } from 'pg';
import { createIdentityDataSource, migrateIdentity } from '@yardmaster/identity';
import { createReadModelDataSource, migrateReadModels, type DataSource } from '@yardmaster/read-models';
import { testDependencies, uniqueInstanceName } from './test-environment';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  /** Users, groups, grants and tokens (the identity library's tables, in the same database). */
  readonly identityDataSource: DataSource;
  drop(): Promise<void>;
}

/** Creates a database of its own for one test file, migrated to the current schema (read models and identity); `drop` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `yard_${uniqueInstanceName()}`;
  const admin = new URL(testDependencies.databaseUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(testDependencies.databaseUrl);
  url.pathname = `/${name}`;
  const dataSource = await createReadModelDataSource(url.toString(), 'yardmaster-tests').initialize();
  await migrateReadModels(dataSource);
  const identityDataSource = await createIdentityDataSource(url.toString(), 'yardmaster-tests').initialize();
  await migrateIdentity(identityDataSource);
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

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
