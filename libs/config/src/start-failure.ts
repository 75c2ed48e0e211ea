import type { DatabaseConfig, SharedConfig, TemporalConfig } from './shared-config';

/** sysexits' EX_UNAVAILABLE: a service the program needs is not there. */
export const EXIT_DEPENDENCY_UNAVAILABLE = 69;

/** A server a service needs at start, where it was told to find it, and the setting that says so. */
export interface StartDependency {
  readonly name: 'NATS' | 'PostgreSQL' | 'Temporal';
  /** `host:port` */
  readonly address: string;
  readonly setting: string;
}

export function natsDependency(natsUrl: string): StartDependency {
  return { name: 'NATS', address: hostPortOf(natsUrl, 4222), setting: 'YARD_NATS_URL' };
}

export function postgresDependency(databaseUrl: string): StartDependency {
  return { name: 'PostgreSQL', address: hostPortOf(databaseUrl, 5432), setting: 'YARD_DATABASE_URL' };
}

export function temporalDependency(address: string): StartDependency {
  return { name: 'Temporal', address, setting: 'TEMPORAL_ADDRESS' };
}

/** The servers a service reaches at start: NATS, and PostgreSQL and Temporal when their settings are given. */
export function startDependencies(settings: { shared: SharedConfig; database?: DatabaseConfig; temporal?: Pick<TemporalConfig, 'address'> }): StartDependency[] {
  return [
    natsDependency(settings.shared.natsUrl),
    ...(settings.database ? [postgresDependency(settings.database.databaseUrl)] : []),
    ...(settings.temporal ? [temporalDependency(settings.temporal.address)] : []),
  ];
}

/**
 * One line for a start that failed because a dependency could not be reached, naming it, its address and what to
 * do (as configuration errors do), or null when the error is about something else. Recognised by the address in
 * the error (its message, code, cause, or the driver's `address`/`port`), since each client words it its own way.
 */
export function dependencyStartFailure(service: string, error: unknown, dependencies: readonly StartDependency[]): string | null {
  const text = textOf(error);
  if (!/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|refused|timed? ?out|connect|unreachable|UNAVAILABLE/i.test(text)) return null;
  const dependency = dependencies.find((candidate) => text.includes(candidate.address) || text.includes(`:${portOf(candidate.address)}`));
  if (!dependency) return null;
  const reason = /ECONNREFUSED|refused/i.test(text) ? 'connection refused' : /ENOTFOUND/.test(text) ? 'host not found' : /time/i.test(text) ? 'timed out' : 'cannot connect';
  return (
    `yardmaster ${service}: cannot start: ${dependency.name} at ${dependency.address} cannot be reached (${reason}). ` +
    `Start ${dependency.name} there (npm run stack:up starts the development servers), or set ${dependency.setting} to where it runs.`
  );
}

/** Every message, code and address in the error and its causes, as one text to search. */
function textOf(error: unknown, depth = 0): string {
  if (depth > 5 || error === null || error === undefined) return '';
  if (typeof error !== 'object') return String(error);
  const record = error as { message?: unknown; code?: unknown; address?: unknown; port?: unknown; cause?: unknown; errors?: unknown };
  const own = [record.message, record.code, record.address !== undefined && record.port !== undefined ? `${String(record.address)}:${String(record.port)}` : undefined]
    .filter((part) => part !== undefined)
    .map(String);
  const nested = [record.cause, ...(Array.isArray(record.errors) ? record.errors : [])].map((inner) => textOf(inner, depth + 1));
  return [...own, ...nested].join(' | ');
}

function hostPortOf(url: string, defaultPort: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || defaultPort}`;
  } catch {
    return url;
  }
}

function portOf(address: string): string {
  return address.slice(address.lastIndexOf(':') + 1);
}

/** The end of a service whose start failed: one line and exit 69 for a dependency that is down, else the stack and 1. */
export function exitOnStartFailure(service: string, error: unknown, dependencies: readonly StartDependency[]): never {
  const line = dependencyStartFailure(service, error, dependencies);
  if (line) {
    process.stderr.write(`${line}\n`);
    process.exit(EXIT_DEPENDENCY_UNAVAILABLE);
  }
  process.stderr.write(`yardmaster ${service}: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
