import { TERMINAL_RUN_EVENT_TYPES, type RunEvent } from '@yardmaster/contracts';
import type { RunEventEffect } from '../runs/run-events.projector';

/** What the run metrics need of a run, as its row stands once an event that moves them is applied. */
export interface RunStateFacts {
  readonly event: 'run.started' | 'run.completed' | 'run.failed' | 'run.errored' | 'run.cancelled' | 'run.timed_out';
  readonly jobId: string;
  readonly queue: string;
  readonly requestedAt: Date;
  readonly startedAt: Date | null;
  readonly completedAt: Date | null;
}

/** Log entries written to the read model (a batch stores many at once). */
export interface LogLineFact {
  readonly event: 'run.log';
  readonly lines: number;
}

export type RunFacts = RunStateFacts | LogLineFact;

const OBSERVED = new Set<RunEvent['type']>(['run.started', ...TERMINAL_RUN_EVENT_TYPES]);

/**
 * The facts of an event the metrics observe, from the run's row as the event left it (the statement that applied it
 * returned it): a terminal event carries neither the job nor the start time, and the row holds both whatever order
 * the events came in. An event the row refused (a second end, a start after the end) changed nothing and is not
 * observed, so a run is counted once. Other events: null.
 */
export function runFactsOf(event: RunEvent, effect: RunEventEffect | null): RunStateFacts | null {
  if (!OBSERVED.has(event.type) || !effect?.changed) return null;
  const row = effect.changed;
  return {
    event: event.type as RunStateFacts['event'],
    jobId: row.jobId,
    // A run whose run.requested is still to come has no queue yet.
    queue: row.queue ?? 'unknown',
    requestedAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  };
}
