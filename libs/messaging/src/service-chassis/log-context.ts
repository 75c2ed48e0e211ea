import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request, command, event or activity says it belongs to. */
export interface LogContext {
  readonly correlationId?: string;
  readonly runId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` so that every log line it writes, across its awaits, carries `context` (over any outer one). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...definedFields(context) }, work);
}

/** The context of the work under way; empty outside any. */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}

/**
 * The context a message carries: an event's or a command's correlation id (top level or in its `meta`), and a
 * run id (`runId`, or a run event's `aggregateId`). Whatever is missing stays out.
 */
export function logContextOf(message: unknown): LogContext {
  if (typeof message !== 'object' || message === null) return {};
  const fields = message as Record<string, unknown>;
  const meta = typeof fields.meta === 'object' && fields.meta !== null ? (fields.meta as Record<string, unknown>) : {};
  const isRunEvent = typeof fields.type === 'string' && fields.type.startsWith('run.');
  return definedFields({
    correlationId: textOrUndefined(fields.correlationId) ?? textOrUndefined(meta.correlationId),
    runId: textOrUndefined(fields.runId) ?? (isRunEvent ? textOrUndefined(fields.aggregateId) : undefined),
  });
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function definedFields(context: LogContext): LogContext {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined));
}
