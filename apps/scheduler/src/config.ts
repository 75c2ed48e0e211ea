import { readDatabaseConfig, readSecretsKey, readMetricsConfig, readSharedConfig, readTemporalConfig, type DatabaseConfig, type EnvReader, type MetricsConfig, type SharedConfig, type TemporalConfig } from '@yardmaster/config';
import { DEFAULT_MAX_WORKER_LOSSES } from '@yardmaster/contracts';
import { hostname } from 'node:os';

export interface SchedulerConfig {
  readonly shared: SharedConfig;
  /** Where it serves Prometheus metrics (YARD_METRICS_HOST, YARD_SCHEDULER_METRICS_PORT; 0 = off). */
  readonly metrics: MetricsConfig;
  readonly temporal: TemporalConfig;
  /** The inventory's database: object variables are checked against it. */
  readonly database: DatabaseConfig;
  /** Custom queues a run may ask for, besides high, default and low; each needs a collector serving it. */
  readonly customQueues: readonly string[];
  /** A run's whole-run timeout when its job declares none (netbox_facts' job_timeout default). */
  readonly runTimeoutSeconds: number;
  /** How long one step may run when its job declares none. */
  readonly stepTimeoutSeconds: number;
  /** A step silent this long has lost its worker and is retried elsewhere. */
  readonly heartbeatTimeoutSeconds: number;
  /** How often a run's step may lose its worker before the run errors; apart from the job's retry policy. */
  readonly maxWorkerLosses: number;
  /** How often the reconciler compares live runs in the read model with Temporal. */
  readonly reconcileIntervalSeconds: number;
  /** How long one command's Temporal calls may take before it answers SERVICE_UNAVAILABLE naming Temporal. */
  readonly temporalCallTimeoutMs: number;
  /** How long a cancel waits for the run's workflow to confirm it; after that the answer is 202 with `confirmed: false`. */
  readonly cancelConfirmTimeoutSeconds: number;
  readonly schedulerId: string;
  /** Seals sensitive run data before it reaches Temporal; collectors open it with the same key. */
  readonly secretsKey: Buffer;
  /** When `system.PruneData` runs (5-field cron, UTC), installed once at start; null (`off`) installs nothing. */
  readonly pruneScheduleCron: string | null;
}

export function readSchedulerConfig(env: EnvReader): SchedulerConfig {
  return {
    shared: readSharedConfig(env),
    metrics: readMetricsConfig(env, 'scheduler'),
    temporal: readTemporalConfig(env),
    database: readDatabaseConfig(env),
    customQueues: env.list('YARD_CUSTOM_QUEUES', [], /^[a-z][a-z0-9_-]{0,31}$/, 'a queue name', true),
    runTimeoutSeconds: env.integer('YARD_RUN_TIMEOUT_SECONDS', 1800, 1, 7 * 24 * 3600),
    stepTimeoutSeconds: env.integer('YARD_STEP_TIMEOUT_SECONDS', 1800, 1, 7 * 24 * 3600),
    heartbeatTimeoutSeconds: env.integer('YARD_HEARTBEAT_TIMEOUT_SECONDS', 10, 2, 3600),
    maxWorkerLosses: env.integer('YARD_MAX_WORKER_LOSSES', DEFAULT_MAX_WORKER_LOSSES, 0, 1000),
    reconcileIntervalSeconds: env.integer('YARD_RECONCILE_INTERVAL_SECONDS', 15, 1, 3600),
    // Below the API's default command timeout (10 s), so the API hears "Temporal is down" rather than silence.
    temporalCallTimeoutMs: env.integer('YARD_TEMPORAL_CALL_TIMEOUT_MS', 5000, 100, 600_000),
    cancelConfirmTimeoutSeconds: env.integer('YARD_CANCEL_CONFIRM_TIMEOUT_SECONDS', 5, 1, 60),
    schedulerId: env.string('YARD_SCHEDULER_ID', `scheduler@${hostname()}:${process.pid}`),
    secretsKey: readSecretsKey(env),
    pruneScheduleCron: readPruneScheduleCron(env),
  };
}

/** Daily at 03:30 UTC unless `YARD_PRUNE_SCHEDULE` says another cron, or `off`. */
export const DEFAULT_PRUNE_SCHEDULE = '30 3 * * *';

export function readPruneScheduleCron(env: EnvReader): string | null {
  const value = env.matching('YARD_PRUNE_SCHEDULE', DEFAULT_PRUNE_SCHEDULE, /^(off|\S+( \S+){4})$/, 'a 5-field cron expression (UTC) or off');
  return value === 'off' ? null : value;
}
