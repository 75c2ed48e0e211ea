import { say } from './console.mjs';
import { ensureNats } from './nats.mjs';
import { ensurePostgres } from './postgres.mjs';
import { ensureTemporal, setTemporalRetention } from './temporal.mjs';
import { isLoopback } from './postgres.mjs';

/**
 * Brings up what the services need, reusing what already runs. Returns a stop function that ends only
 * the servers this call started.
 */
export async function ensureStack(env = process.env) {
  const { EnvReader, readDatabaseConfig, readSharedConfig, readTemporalConfig } = await import('@yardmaster/config');
  const reader = new EnvReader(env);
  const config = reader.finish({
    shared: readSharedConfig(reader),
    database: readDatabaseConfig(reader),
    temporal: readTemporalConfig(reader),
    temporalRetentionDays: reader.integer('TEMPORAL_RETENTION_DAYS', 30, 1, 3650),
  });
  const started = [];
  await ensurePostgres(config.database.databaseUrl);
  started.push(await ensureNats(config.shared.natsUrl, config.shared.instance));
  started.push(await ensureTemporal(config.temporal.address, config.temporal.uiUrl));
  if (isLoopback(config.temporal.address.split(':')[0])) {
    await setTemporalRetention(config.temporal.address, config.temporal.namespace, config.temporalRetentionDays);
    say(`Temporal keeps run histories ${config.temporalRetentionDays} days (TEMPORAL_RETENTION_DAYS)`);
  }
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
