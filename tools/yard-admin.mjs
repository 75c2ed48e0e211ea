// `npm run yard-admin -- create-admin <username>`: makes <username> an administrator (creating the user when
// needed) and prints a fresh token for them, once: only its hash is stored. Connects to YARD_DATABASE_URL directly,
// so it works before the API runs and when every administrator token is lost.
import { explain } from './stack/console.mjs';
import { createAdminToken } from './stack/admin-token.mjs';
import { ensurePostgres } from './stack/postgres.mjs';

const USAGE = 'usage: npm run yard-admin -- create-admin <username>';

try {
  const [command, username, ...rest] = process.argv.slice(2);
  if (command !== 'create-admin' || !username || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(10);
  }
  const { USERNAME_PATTERN } = await import('@yardmaster/identity');
  if (!USERNAME_PATTERN.test(username)) {
    process.stderr.write(`not a username: ${JSON.stringify(username)} (letters, digits, ".", "_", "@", "-")\n`);
    process.exit(10);
  }
  const { EnvReader, readDatabaseConfig } = await import('@yardmaster/config');
  const reader = new EnvReader(process.env);
  const { databaseUrl } = reader.finish(readDatabaseConfig(reader));
  await ensurePostgres(databaseUrl);
  const issued = await createAdminToken(databaseUrl, username);
  process.stdout.write(`${username} is an administrator. Their new token (shown once, only its hash is stored):\n\n  ${issued.token}\n\n`);
  process.stdout.write(`Use it: export YARD_TOKEN=${issued.token}   or   npx yard login --token <token>\n`);
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
