// `npm run migrate`: applies the read models', identity's and inventory's migrations to YARD_DATABASE_URL (creating the database if
// needed), then exits. The launcher runs the same step; docker-compose runs it as a one-shot service.
import { explain } from './stack/console.mjs';
import { ensurePostgres } from './stack/postgres.mjs';

try {
  const { EnvReader, readDatabaseConfig } = await import('@yardmaster/config');
  const reader = new EnvReader(process.env);
  const { databaseUrl } = reader.finish(readDatabaseConfig(reader));
  await ensurePostgres(databaseUrl);
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
