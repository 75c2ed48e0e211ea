import { say } from './console.mjs';
import { ensureNats } from './nats.mjs';
import { ensurePostgres } from './postgres.mjs';
import { ensureTemporal } from './temporal.mjs';

/**
 * Brings up what the services need, reusing what already runs. Returns a stop function that ends only
 * the servers this call started.
 */
export async function ensureStack(env = process.env) {
  const { EnvReader, readDatabaseConfig, readSharedConfig, readTemporalConfig } = await import('@yardmaster/config');
  const reader = new EnvReader(env);
  const config = reader.finish({ shared: readSharedConfig(reader), database: readDatabaseConfig(reader), temporal: readTemporalConfig(reader) });
  const started = [];
  await ensurePostgres(config.database.databaseUrl);
  started.push(await ensureNats(config.shared.natsUrl, config.shared.instance));
  started.push(await ensureTemporal(config.temporal.address, config.temporal.uiUrl));
  return {
    config,
    async stop() {
      for (const child of started.filter(Boolean)) {
        say(`Stopping ${child.spawnfile} (pid ${child.pid}) started by this command`);
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}
