import type { LogLevel } from '@yardmaster/config';
import { REDACTED } from '@yardmaster/contracts';
import { pino, stdTimeFunctions, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentLogContext } from './log-context';

/**
 * Fields a line must never show, whoever logs them: credentials in headers, and anything named like a secret,
 * at the top of a line or one level down. Sensitive job variables are masked before they get this far (Redactor).
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  ...['authorization', 'password', 'token', 'secret', 'secretsKey', 'adminToken'].flatMap((name) => [name, `*.${name}`]),
];

/** A service's pino logger, for what writes lines outside Nest (the Temporal SDK's). */
export type ServiceLog = Logger;

export interface ServiceLogOptions {
  readonly service: string;
  readonly instanceId: string;
  readonly level: LogLevel;
  /** Where lines go: standard output unless a test catches them. */
  readonly destination?: DestinationStream;
  /** Whether standard output is a terminal: then lines are pretty-printed when pino-pretty is installed. */
  readonly onTerminal?: boolean;
}

/** The pino options of a service: its level, its name on every line, the context's ids and the redaction. */
export function serviceLogOptions(options: Omit<ServiceLogOptions, 'destination'>): LoggerOptions {
  return {
    level: options.level,
    base: { service: options.service, instanceId: options.instanceId },
    timestamp: stdTimeFunctions.isoTime,
    // A level's name, not pino's number: `jq 'select(.level == "error")'` reads as it means.
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...currentLogContext() }),
    redact: { paths: [...REDACTED_LOG_PATHS], censor: REDACTED },
    ...(options.onTerminal && prettyPrinterInstalled() ? { transport: { target: 'pino-pretty' } } : {}),
  };
}

/** One JSON object per line (pretty on a terminal with pino-pretty installed). */
export function createServiceLog(options: ServiceLogOptions): ServiceLog {
  const loggerOptions = serviceLogOptions(options);
  return options.destination ? pino(loggerOptions, options.destination) : pino(loggerOptions);
}

function prettyPrinterInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
