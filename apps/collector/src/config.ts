import { readSharedConfig, readTemporalConfig, type EnvReader, type SharedConfig, type TemporalConfig } from '@yardmaster/config';
import { hostname } from 'node:os';

export interface CollectorConfig {
  readonly shared: SharedConfig;
  readonly temporal: TemporalConfig;
  /** The queues this collector serves: `default` carries the high, default and low priorities; others are custom queues. */
  readonly queues: readonly string[];
  readonly collectorId: string;
  /** Steps this collector runs at once; more wait in Temporal, highest priority first. */
  readonly maxConcurrentSteps: number;
}

export function readCollectorConfig(env: EnvReader): CollectorConfig {
  return {
    shared: readSharedConfig(env),
    temporal: readTemporalConfig(env),
    queues: env.list('YARD_COLLECTOR_QUEUES', ['default'], /^[a-z][a-z0-9_-]{0,31}$/, 'a queue name'),
    collectorId: env.string('YARD_COLLECTOR_ID', `collector@${hostname()}:${process.pid}`),
    maxConcurrentSteps: env.integer('YARD_COLLECTOR_MAX_CONCURRENT_STEPS', 20, 1, 1000),
  };
}
