import {
  readDatabaseConfig,
  readSharedConfig,
  readTemporalConfig,
  type DatabaseConfig,
  type EnvReader,
  type SharedConfig,
  type TemporalConfig,
} from '@yardmaster/config';
import { hostname } from 'node:os';

export interface ApiConfig {
  readonly shared: SharedConfig;
  readonly database: DatabaseConfig;
  /** Only the Web UI's address is used: the API never talks to Temporal itself. */
  readonly temporal: TemporalConfig;
  readonly host: string;
  readonly port: number;
  readonly commandTimeoutMs: number;
  readonly apiId: string;
  /** The largest file a run request may upload, whatever its variable allows: multer stops reading past it. */
  readonly maxUploadBytes: number;
}

export function readApiConfig(env: EnvReader): ApiConfig {
  return {
    shared: readSharedConfig(env),
    database: readDatabaseConfig(env),
    temporal: readTemporalConfig(env),
    host: env.string('YARD_API_HOST', '127.0.0.1'),
    port: env.integer('YARD_API_PORT', 3000, 1, 65535),
    commandTimeoutMs: env.integer('YARD_COMMAND_TIMEOUT_MS', 10_000, 100, 120_000),
    apiId: env.string('YARD_API_ID', `api@${hostname()}:${process.pid}`),
    maxUploadBytes: env.integer('YARD_API_MAX_UPLOAD_BYTES', 25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
  };
}
