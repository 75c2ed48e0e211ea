import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install.mjs';

/** Where `npm start` keeps the token of the administrator it created, readable by its owner only. */
export const ADMIN_TOKEN_FILE = join(ROOT, '.yard', 'admin-token');

async function withIdentity(databaseUrl, use) {
  const { createIdentityDataSource } = await import('@yardmaster/identity');
  const dataSource = await createIdentityDataSource(databaseUrl, 'yardmaster-launcher').initialize();
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * On a database without users, creates the administrator `admin` with a fresh token, written to
 * `.yard/admin-token` (mode 600): the local way in. Returns what happened, for the launcher to say.
 */
export async function ensureLocalAdmin(databaseUrl) {
  return withIdentity(databaseUrl, async (dataSource) => {
    const { createFirstAdmin } = await import('@yardmaster/identity');
    const created = await createFirstAdmin(dataSource, 'admin', 'npm start');
    if (!created) return { created: false, tokenFile: existsSync(ADMIN_TOKEN_FILE) ? ADMIN_TOKEN_FILE : null };
    saveSecret(ADMIN_TOKEN_FILE, created.token);
    return { created: true, tokenFile: ADMIN_TOKEN_FILE };
  });
}

/** Makes `username` an administrator (creating the user when needed) and returns a fresh token for them. */
export async function createAdminToken(databaseUrl, username) {
  return withIdentity(databaseUrl, async (dataSource) => {
    const { createAdmin } = await import('@yardmaster/identity');
    return createAdmin(dataSource, username, 'yard-admin create-admin');
  });
}

function saveSecret(file, secret) {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
