import { readSharedConfig, readTemporalConfig, type EnvReader, type SharedConfig, type TemporalConfig } from '@yardmaster/config';
import { hostname } from 'node:os';

export interface SchedulerConfig {
  readonly shared: SharedConfig;
  readonly temporal: TemporalConfig;
  /** Queues a run may ask for; each needs a collector serving it. */
  readonly queues: readonly string[];
  /** How long one step may run before Temporal fails it. */
  readonly stepTimeoutSeconds: number;
  readonly schedulerId: string;
}

export function readSchedulerConfig(env: EnvReader): SchedulerConfig {
  return {
    shared: readSharedConfig(env),
    temporal: readTemporalConfig(env),
    queues: env.list('YARD_QUEUES', ['default'], /^[a-z][a-z0-9_-]{0,31}$/, 'a queue name'),
    stepTimeoutSeconds: env.integer('YARD_STEP_TIMEOUT_SECONDS', 1800, 1, 7 * 24 * 3600),
    schedulerId: env.string('YARD_SCHEDULER_ID', `scheduler@${hostname()}:${process.pid}`),
  };
}
