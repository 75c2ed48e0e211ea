import {
  readDatabaseConfig,
  readSecretsKey,
  readMetricsConfig,
  readSharedConfig,
  readTemporalConfig,
  readTextfsmConfig,
  type DatabaseConfig,
  type EnvReader,
  type MetricsConfig,
  type SharedConfig,
  type TemporalConfig,
  type TextfsmConfig,
} from '@yardmaster/config';
import { readdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { SSH_DEFAULT_TIMEOUTS, type SshTimeouts } from '@yardmaster/ssh';
import type { LogDeliveryLimits } from './activities/log-delivery/log-delivery-limits';

export interface CollectorConfig {
  readonly shared: SharedConfig;
  /** Where it serves Prometheus metrics (YARD_METRICS_HOST, YARD_COLLECTOR_METRICS_PORT; 0 = off). */
  readonly metrics: MetricsConfig;
  readonly temporal: TemporalConfig;
  /** The inventory's database: job steps read and change it. */
  readonly database: DatabaseConfig;
  /** The queues this collector serves: `default` carries the high, default and low priorities; others are custom queues. */
  readonly queues: readonly string[];
  readonly collectorId: string;
  /** Steps this collector runs at once; more wait in Temporal, highest priority first. */
  readonly maxConcurrentSteps: number;
  /** The absolute path of the folder of the user's own job modules (`<name>.ts` / `<name>.js`), or null when JOBS_ROOT is unset. */
  readonly jobsRoot: string | null;
  /** Opens the sensitive run data the scheduler sealed: the same key as the scheduler's. */
  readonly secretsKey: Buffer;
  /** A step's undelivered log (NATS slow or away): how much is held before the step is slowed, how long delivery is tried. */
  readonly logDelivery: LogDeliveryLimits;
  /** Device sessions over SSH: connect (with login), per command, and idle before the session closes itself. */
  readonly sshTimeouts: SshTimeouts;
  /** The user's own TextFSM templates (YARD_TEXTFSM_TEMPLATES), searched before ntc-templates' for SSH collection. */
  readonly textfsm: TextfsmConfig;
}

/**
 * A re-sent entry is stored once only inside the run stream's 10-minute duplicate window, so delivery gives
 * up before it closes. The step heartbeats while it waits, and its delivery also gives up a few seconds before
 * the step's own timeout (see deliver-step-log.ts): neither Temporal timeout can cut it off and retry the step.
 */
const MAX_LOG_DELIVERY_TIMEOUT_SECONDS = 540;

export function readCollectorConfig(env: EnvReader): CollectorConfig {
  return {
    shared: readSharedConfig(env),
    metrics: readMetricsConfig(env, 'collector'),
    temporal: readTemporalConfig(env),
    database: readDatabaseConfig(env),
    queues: env.list('YARD_COLLECTOR_QUEUES', ['default'], /^[a-z][a-z0-9_-]{0,31}$/, 'a queue name'),
    collectorId: env.string('YARD_COLLECTOR_ID', `collector@${hostname()}:${process.pid}`),
    maxConcurrentSteps: env.integer('YARD_COLLECTOR_MAX_CONCURRENT_STEPS', 20, 1, 1000),
    jobsRoot: readJobsRoot(env),
    secretsKey: readSecretsKey(env),
    logDelivery: {
      maxEntries: env.integer('YARD_LOG_BUFFER_ENTRIES', 10_000, 100, 1_000_000),
      maxBytes: env.integer('YARD_LOG_BUFFER_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
      giveUpAfterMs: env.integer('YARD_LOG_DELIVERY_TIMEOUT_SECONDS', 300, 5, MAX_LOG_DELIVERY_TIMEOUT_SECONDS) * 1000,
    },
    sshTimeouts: {
      connectMs: env.integer('YARD_SSH_CONNECT_TIMEOUT_SECONDS', SSH_DEFAULT_TIMEOUTS.connectMs / 1000, 1, 300) * 1000,
      commandMs: env.integer('YARD_SSH_COMMAND_TIMEOUT_SECONDS', SSH_DEFAULT_TIMEOUTS.commandMs / 1000, 1, 3600) * 1000,
      idleMs: env.integer('YARD_SSH_IDLE_TIMEOUT_SECONDS', SSH_DEFAULT_TIMEOUTS.idleMs / 1000, 5, 3600) * 1000,
    },
    textfsm: readTextfsmConfig(env),
  };
}

/** Matches nothing: hands the EnvReader a problem found outside it, so it is listed with every other one. */
const NEVER = /(?!)/;

function readJobsRoot(env: EnvReader): string | null {
  const raw = env.string('JOBS_ROOT', '');
  if (raw === '') return null;
  const path = resolve(raw);
  const problem = directoryProblem(path);
  if (problem) env.matching('JOBS_ROOT', raw, NEVER, `a readable directory (${path} ${problem})`);
  return path;
}

function directoryProblem(path: string): string | null {
  try {
    if (!statSync(path).isDirectory()) return 'is not a directory';
    readdirSync(path);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'does not exist';
    if (code === 'EACCES' || code === 'EPERM') return 'cannot be read';
    return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
