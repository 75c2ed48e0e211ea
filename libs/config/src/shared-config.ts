import { DEFAULT_INSTANCE, INSTANCE_NAME_PATTERN } from '@yardmaster/contracts';
import type { EnvReader } from './env-reader';
import { readTracingConfig, type TracingConfig } from './tracing-config';

/** Settings every service shares. The defaults are the addresses the launcher provides. */
export interface SharedConfig {
  readonly instance: string;
  readonly natsUrl: string;
  /** The least severe level a service writes to its own log (YARD_LOG_LEVEL). */
  readonly logLevel: LogLevel;
  /** Where traces go (OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_ENDPOINT); null, the default: no tracing. */
  readonly tracing: TracingConfig;
}

/** pino's levels, most verbose first; `silent` writes nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DatabaseConfig {
  readonly databaseUrl: string;
}

export interface TemporalConfig {
  readonly address: string;
  readonly namespace: string;
  readonly uiUrl: string;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/yardmaster';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_TEMPORAL_ADDRESS = '127.0.0.1:7233';
export const DEFAULT_TEMPORAL_UI_URL = 'http://127.0.0.1:8233';

export function readSharedConfig(env: EnvReader): SharedConfig {
  return {
    instance: env.matching('YARD_INSTANCE', DEFAULT_INSTANCE, INSTANCE_NAME_PATTERN, 'lower-case letters, digits and _, starting with a letter'),
    natsUrl: env.url('YARD_NATS_URL', DEFAULT_NATS_URL, ['nats:', 'tls:']).toString(),
    logLevel: env.oneOf('YARD_LOG_LEVEL', 'info', LOG_LEVELS),
    tracing: readTracingConfig(env),
  };
}

export function readDatabaseConfig(env: EnvReader): DatabaseConfig {
  return { databaseUrl: env.url('YARD_DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']).toString() };
}

export function readTemporalConfig(env: EnvReader): TemporalConfig {
  return {
    address: env.matching('TEMPORAL_ADDRESS', DEFAULT_TEMPORAL_ADDRESS, /^[^\s:]+:\d{1,5}$/, 'host:port'),
    namespace: env.matching('TEMPORAL_NAMESPACE', 'default', /^[A-Za-z0-9._-]+$/, 'a Temporal namespace name'),
    uiUrl: env.url('TEMPORAL_UI_URL', DEFAULT_TEMPORAL_UI_URL, ['http:', 'https:']).toString().replace(/\/$/, ''),
  };
}
