import {
  readDatabaseConfig,
  readSharedConfig,
  readTemporalConfig,
  type DatabaseConfig,
  type EnvReader,
  type SharedConfig,
  type TemporalConfig,
  readMetricsConfig,
  readSecretsKey,
  type MetricsConfig,
} from '@yardmaster/config';
import { MIN_TOKEN_LENGTH, USERNAME_PATTERN } from '@yardmaster/identity';
import { hostname } from 'node:os';
import type { FailedAuthenticationLimit } from './auth/failed-authentications/failed-authentications';

export interface ApiConfig {
  readonly shared: SharedConfig;
  /** Where it serves Prometheus metrics (YARD_METRICS_HOST, YARD_API_METRICS_PORT; 0 = off). */
  readonly metrics: MetricsConfig;
  readonly database: DatabaseConfig;
  /** Only the Web UI's address is used: the API never talks to Temporal itself. */
  readonly temporal: TemporalConfig;
  readonly host: string;
  readonly port: number;
  readonly commandTimeoutMs: number;
  readonly apiId: string;
  /** The first administrator, created with this token on start when no user exists yet; null when not configured. */
  readonly firstAdmin: { readonly username: string; readonly token: string } | null;
  /** The largest file a run request may upload, whatever its variable allows: multer stops reading past it. */
  readonly maxUploadBytes: number;
  /** Origins whose pages may call the API from a browser (CORS); none, and browsers get no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /** How many failed authentications a client address may have per window before it has to wait (429). */
  readonly failedAuthentication: FailedAuthenticationLimit;
  /** Seals the secrets of credential sets as they are written; the API never opens them (the collector does). */
  readonly secretsKey: Buffer;
}

/** An origin as browsers send it: scheme, host and an optional port, nothing after. */
const ORIGIN_PATTERN = /^https?:\/\/([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

export function readApiConfig(env: EnvReader): ApiConfig {
  return {
    shared: readSharedConfig(env),
    metrics: readMetricsConfig(env, 'api'),
    database: readDatabaseConfig(env),
    temporal: readTemporalConfig(env),
    host: env.string('YARD_API_HOST', '127.0.0.1'),
    port: env.integer('YARD_API_PORT', 3000, 1, 65535),
    commandTimeoutMs: env.integer('YARD_COMMAND_TIMEOUT_MS', 10_000, 100, 120_000),
    apiId: env.string('YARD_API_ID', `api@${hostname()}:${process.pid}`),
    firstAdmin: readFirstAdmin(env),
    maxUploadBytes: env.integer('YARD_API_MAX_UPLOAD_BYTES', 25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    corsOrigins: env.list('YARD_API_CORS_ORIGINS', [], ORIGIN_PATTERN, 'an origin such as https://ops.example.com:8443 (scheme, host, optional port; no path)', true),
    failedAuthentication: {
      maxFailures: env.integer('YARD_API_AUTH_FAILURE_LIMIT', 20, 1, 100_000),
      windowSeconds: env.integer('YARD_API_AUTH_FAILURE_WINDOW_SECONDS', 60, 1, 86_400),
    },
    secretsKey: readSecretsKey(env),
  };
}

function readFirstAdmin(env: EnvReader): ApiConfig['firstAdmin'] {
  const username = env.string('YARD_ADMIN_USERNAME', '');
  const token = env.optionalSecret('YARD_ADMIN_TOKEN', MIN_TOKEN_LENGTH);
  if (username !== '' && !USERNAME_PATTERN.test(username)) env.report(`YARD_ADMIN_USERNAME=${JSON.stringify(username)}: expected a username (letters, digits, ".", "_", "@", "-")`);
  const tokenGiven = env.hasSecret('YARD_ADMIN_TOKEN');
  if ((username !== '') !== tokenGiven) {
    env.report('YARD_ADMIN_USERNAME and YARD_ADMIN_TOKEN go together: set both (to create the first administrator) or neither');
  }
  return username !== '' && token !== null ? { username, token } : null;
}
