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

/** An ApplicationFailure with a type; one thrown in workflow code is of the sandbox's class, so it is told by its name. */
function isTypedFailure(error: unknown): error is ApplicationFailure & { type: string } {
  const named = error instanceof ApplicationFailure || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ApplicationFailure');
  const type = named ? (error as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type !== '';
}
