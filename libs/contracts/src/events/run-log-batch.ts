import type { RunEvent, RunLogBatch, RunLogged } from './run-events';

/** A log entry's event: one `run.log`, or a `run.log_batch` that carries many. */
export type RunLogEvent = RunLogged | RunLogBatch;

export function isRunLogEvent(event: RunEvent): event is RunLogEvent {
  return event.type === 'run.log' || event.type === 'run.log_batch';
}

/**
 * The `run.log` events a batch stands for, in order, each as its producer would have sent it alone: what readers
 * that show events one line at a time (the API's event stream, `yard run --follow`) hand on.
 */
export function runLogEventsOf(batch: RunLogBatch): RunLogged[] {
  const { aggregateId, correlationId, causationId, actor } = batch;
  return batch.data.entries.map(({ id, sequence, level, grouping, message, object, attempt, loggedAt }) => ({
    id,
    version: 1 as const,
    occurredAt: loggedAt,
    aggregateId,
    sequence,
    correlationId,
    causationId,
    actor,
    type: 'run.log' as const,
    data: { level, grouping, message, object, attempt, loggedAt },
  }));
}
