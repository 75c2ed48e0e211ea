import { readDatabaseConfig, readMetricsConfig, readSharedConfig, type DatabaseConfig, type EnvReader, type MetricsConfig, type SharedConfig } from '@yardmaster/config';
import { DEFAULT_REDELIVERY_POLICY, type RedeliveryPolicy } from '@yardmaster/messaging';
import { hostname } from 'node:os';
import { readRetentionPolicy, type RetentionPolicy } from './retention/retention-policy';

export interface ProjectionConfig {
  readonly shared: SharedConfig;
  /** Where it serves Prometheus metrics (YARD_METRICS_HOST, YARD_PROJECTION_METRICS_PORT; 0 = off). */
  readonly metrics: MetricsConfig;
  readonly database: DatabaseConfig;
  readonly projectionId: string;
  /** How often an event that fails is tried (with a growing delay) before it is parked. */
  readonly redelivery: RedeliveryPolicy;
  /** How long ended runs (with their logs) and audit entries are kept: `system.PruneData` deletes what is older. */
  readonly retention: RetentionPolicy;
}

export function readProjectionConfig(env: EnvReader): ProjectionConfig {
  return {
    shared: readSharedConfig(env),
    metrics: readMetricsConfig(env, 'projection'),
    database: readDatabaseConfig(env),
    projectionId: env.string('YARD_PROJECTION_ID', `projection@${hostname()}:${process.pid}`),
    redelivery: { ...DEFAULT_REDELIVERY_POLICY, maxDeliveries: env.integer('YARD_PROJECTION_MAX_DELIVERIES', DEFAULT_REDELIVERY_POLICY.maxDeliveries, 1, 1000) },
    retention: readRetentionPolicy(env),
  };
}
