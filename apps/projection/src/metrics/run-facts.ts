import { TERMINAL_RUN_EVENT_TYPES, type RunEvent } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

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
 * Reads the run's row in the transaction that applied the event, for the events the metrics observe: a terminal
 * event carries neither the job nor the start time, and the row holds both whatever order the events came in.
 * A log entry needs nothing read. Other events: null.
 */
export async function runFactsAfter(manager: EntityManager, event: RunEvent): Promise<RunFacts | null> {
  if (event.type === 'run.log') return { event: 'run.log', lines: 1 };
  if (event.type === 'run.log_batch') return { event: 'run.log', lines: event.data.entries.length };
  if (!OBSERVED.has(event.type)) return null;
  const rows: Array<{ job_id: string; queue: string | null; created_at: Date; started_at: Date | null; completed_at: Date | null }> = await manager.query(
    'SELECT job_id, queue, created_at, started_at, completed_at FROM job_runs WHERE id = $1',
    [event.aggregateId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    event: event.type as RunStateFacts['event'],
    jobId: row.job_id,
    // A run whose run.requested is still to come has no queue yet.
    queue: row.queue ?? 'unknown',
    requestedAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  };
}
