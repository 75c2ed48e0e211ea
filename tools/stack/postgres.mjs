import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { MissingDependency, say } from './console.mjs';

/**
 * Makes sure PostgreSQL answers, the project's database exists and its migrations (read models, inventory) have run.
 * Starts a local Debian cluster when one is installed but stopped.
 */
export async function ensurePostgres(databaseUrl) {
  const pg = (await import('pg')).default;
  const target = new URL(databaseUrl);
  const database = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';

  let client = await connectOrNull(pg, maintenance.toString());
  if (!client && isLoopback(target.hostname) && startDebianCluster()) client = await connectOrNull(pg, maintenance.toString(), 20);
  if (!client) {
    throw new MissingDependency(
      `PostgreSQL is not reachable at ${target.hostname}:${target.port || 5432}: start it (e.g. 'pg_ctlcluster 15 main start') or set YARD_DATABASE_URL to one that runs.`,
    );
  }
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
      say(`Created database ${database}`);
    }
  } finally {
    await client.end();
  }

  const { createPostgresDataSource, runPendingMigrations } = await import('@yardmaster/database');
  const { READ_MODELS_CONNECTION } = await import('@yardmaster/read-models');
  const { IDENTITY_CONNECTION } = await import('@yardmaster/identity');
  const { INVENTORY_CONNECTION } = await import('@yardmaster/inventory');
  const launcher = { databaseUrl, applicationName: 'yardmaster-launcher' };
  const applied = [];
  // Identity and inventory are primary data with migrations of their own, applied alongside the read models'.
  for (const connection of [READ_MODELS_CONNECTION, IDENTITY_CONNECTION, INVENTORY_CONNECTION]) {
    applied.push(...(await migrateWith(createPostgresDataSource(connection, launcher), runPendingMigrations)));
  }
  say(`PostgreSQL ready: ${database}${applied.length ? ` (applied ${applied.join(', ')})` : ', schema up to date'}`);
}

/** Read models, identity and inventory keep separate migrations tables; each runs through its own DataSource. */
async function migrateWith(unopenedDataSource, migrate) {
  const dataSource = await unopenedDataSource.initialize();
  try {
    return await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function connectOrNull(pg, url, attempts = 1) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return client;
    } catch {
      await client.end().catch(() => {});
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return null;
}

function startDebianCluster() {
  let versions = [];
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {
    return false;
  }
  for (const version of versions) {
    say(`Starting PostgreSQL ${version} (pg_ctlcluster)…`);
    const result = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
    if (result.status === 0) return true;
  }
  return false;
}

export function isLoopback(hostname) {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '::1' || hostname === '[::1]';
}
