import { readSharedConfig, readTemporalConfig, type EnvReader, type SharedConfig, type TemporalConfig } from '@yardmaster/config';
import { hostname } from 'node:os';

export interface CollectorConfig {
  readonly shared: SharedConfig;
  readonly temporal: TemporalConfig;
  /** The run queues this collector serves, e.g. `high,default`. */
  readonly queues: readonly string[];
  readonly collectorId: string;
}

export function readCollectorConfig(env: EnvReader): CollectorConfig {
  return {
    shared: readSharedConfig(env),
    temporal: readTemporalConfig(env),
    queues: env.list('YARD_COLLECTOR_QUEUES', ['default'], /^[a-z][a-z0-9_-]{0,31}$/, 'a queue name'),
    collectorId: env.string('YARD_COLLECTOR_ID', `collector@${hostname()}:${process.pid}`),
  };
}
