import { Client } from 'pg';
import { testDependencies, uniqueInstanceName } from './test-environment';

export interface EmptyTestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database of its own for one test file; `drop` removes it. The library that owns a schema
 * migrates it in its own tests (this lib may not depend on those libraries: they use it in their tests);
 * `createTestDatabase` (@yardmaster/testing) migrates every schema for the services' tests.
 * `serverUrl` names another PostgreSQL server (e.g. an `OwnPostgresServer`'s) than the shared one.
 */
export async function createEmptyTestDatabase(serverUrl: string = testDependencies.databaseUrl): Promise<EmptyTestDatabase> {
  const name = `yard_${uniqueInstanceName()}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
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
