import { logContextOf, withLogContext } from './log-context';
import { errorLogFields } from './log-fields';
import type { ServiceLog } from './service-log';

/**
 * The Temporal SDK's log entries and activity interceptors, described by their shape only: the services that run
 * Temporal workers (the collector, the scheduler) share this, while the API and the projection, which also stand on
 * this library, never load the SDK.
 */
export interface TemporalLogEntry {
  readonly level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly message: string;
  readonly meta?: Record<string, unknown>;
}

const PINO_LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
const RUN_WORKFLOW_ID = /^run-(.+)$/;

/**
 * Where the SDK's own lines go (`new DefaultLogger('WARN', temporalLogSink(log))`): the service's JSON lines. A
 * failure with a type (a job's error, an infrastructure fault: each has its code) is one line with that code and
 * message; anything else keeps its stack.
 */
export function temporalLogSink(log: ServiceLog): (entry: TemporalLogEntry) => void {
  return (entry) => log[PINO_LEVELS[entry.level]](temporalLogFields(entry), entry.message);
}

export function temporalLogFields(entry: TemporalLogEntry): Record<string, unknown> {
  // Temporal's `runId` is a workflow execution's; ours is a run's, read from its workflow id (`run-<runId>`).
  const { error, workflowId, runId: workflowRunId, ...meta } = entry.meta ?? {};
  const runId = typeof workflowId === 'string' ? RUN_WORKFLOW_ID.exec(workflowId)?.[1] : undefined;
  return {
    ...meta,
    ...(workflowId === undefined ? {} : { workflowId }),
    ...(workflowRunId === undefined ? {} : { workflowRunId }),
    ...(runId ? { runId } : {}),
    ...(error === undefined ? {} : failureLogFields(error)),
  };
}

function failureLogFields(error: unknown): Record<string, unknown> {
  return isTypedFailure(error) ? { code: error.type, error: error.message } : errorLogFields(error);
}

/** An ApplicationFailure with a type, told by its name: one thrown in workflow code is of the sandbox's class. */
function isTypedFailure(error: unknown): error is { type: string; message: string } {
  const named = typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ApplicationFailure';
  const type = named ? (error as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type !== '';
}

interface ActivityCall {
  readonly args: readonly unknown[];
}

/** A worker's activity interceptor: each activity runs in the log context of its run (its first argument's ids). */
export function activityLogContext(): { inbound: { execute: <C extends ActivityCall>(input: C, next: (input: C) => Promise<unknown>) => Promise<unknown> } } {
  return { inbound: { execute: (input, next) => withLogContext(logContextOf(input.args[0]), () => next(input)) } };
}
