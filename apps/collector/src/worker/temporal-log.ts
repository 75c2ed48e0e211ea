import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { errorLogFields, type ServiceLog } from '@yardmaster/messaging';

const PINO_LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
const RUN_WORKFLOW_ID = /^run-(.+)$/;

/**
 * The Temporal SDK's own lines (a worker's state, an activity that failed) as the collector's JSON lines, from
 * WARN up: the SDK reports every bundle and state change at INFO. A failure with a type (a job's error, an
 * infrastructure fault: each has its code) is one line with that code and message; anything else keeps its stack.
 */
export function temporalLogger(log: ServiceLog): DefaultLogger {
  return new DefaultLogger('WARN', (entry) => log[PINO_LEVELS[entry.level]](temporalLogFields(entry), entry.message));
}

export function temporalLogFields(entry: LogEntry): Record<string, unknown> {
  const { error, workflowId, ...meta } = entry.meta ?? {};
  const runId = typeof workflowId === 'string' ? RUN_WORKFLOW_ID.exec(workflowId)?.[1] : undefined;
  return {
    ...meta,
    ...(workflowId === undefined ? {} : { workflowId }),
    ...(runId ? { runId } : {}),
    ...(error === undefined ? {} : failureLogFields(error)),
  };
}

function failureLogFields(error: unknown): Record<string, unknown> {
  if (error instanceof ApplicationFailure && error.type) return { code: error.type, error: error.message };
  return errorLogFields(error);
}
