import { MAX_LOG_BATCH_ENTRIES, type RunLogEvent } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

/** A log event (one entry, or a batch of them) and its stream sequence. */
export interface PositionedLogEvent {
  readonly event: RunLogEvent;
  readonly streamSequence: number;
}

/**
 * Where a log entry stands in its run's log (`job_log_entries.position`): its event's stream sequence, times room for
 * the most entries a batch may carry, plus its place in the batch (0 for a `run.log`). So entries of one batch keep
 * their order, and every entry sorts after those of earlier messages, including entries stored by versions before
 * batches, whose position was the bare stream sequence (smaller than any position given here to a later message).
 */
export function logEntryPosition(streamSequence: number, indexInBatch: number): number {
  return streamSequence * MAX_LOG_BATCH_ENTRIES + indexInBatch;
}

interface LogEntryRow {
  readonly id: string;
  readonly run_id: string;
  readonly position: number;
  readonly level: string;
  readonly grouping: string;
  readonly message: string;
  readonly object: unknown;
  readonly attempt: number;
  readonly logged_at: Date;
}

/**
 * Stores the entries of log events with one statement however many there are, and says how many were new. The entries
 * go as one JSON parameter: serialising it is native, whereas the driver escapes array parameters element by element
 * in JavaScript (a twentieth of the projection's CPU at 20,000 lines/s). An entry already stored (its own event id is
 * the key, in a batch too) is left as it is, so storing the same entries again changes nothing: log events need no
 * `applied_events` row.
 */
export async function insertLogEntries(manager: EntityManager, events: readonly PositionedLogEvent[]): Promise<number> {
  const rows: LogEntryRow[] = [];
  for (const { event, streamSequence } of events) {
    if (event.type === 'run.log') {
      rows.push(rowOf(event.id, event.aggregateId, logEntryPosition(streamSequence, 0), event.data));
      continue;
    }
    const { entries } = event.data;
    for (let index = 0; index < entries.length; index++) {
      rows.push(rowOf(entries[index].id, event.aggregateId, logEntryPosition(streamSequence, index), entries[index]));
    }
  }
  if (rows.length === 0) return 0;
  const [{ stored }]: Array<{ stored: number }> = await manager.query(
    `WITH stored AS (
       INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, object, attempt, logged_at)
       SELECT id, run_id, position, level, grouping, message, object, attempt, logged_at
       FROM json_to_recordset($1::json) AS entry(id text, run_id uuid, position bigint, level text, grouping text, message text, object jsonb, attempt integer, logged_at timestamptz)
       ON CONFLICT (id) DO NOTHING
       RETURNING 1
     )
     SELECT count(*)::int AS stored FROM stored`,
    [JSON.stringify(rows)],
  );
  return stored;
}

function rowOf(
  id: string,
  runId: string,
  position: number,
  entry: Pick<Extract<RunLogEvent, { type: 'run.log' }>['data'], 'level' | 'grouping' | 'message' | 'object' | 'attempt' | 'loggedAt'>,
): LogEntryRow {
  return {
    id,
    run_id: runId,
    position,
    level: entry.level,
    grouping: entry.grouping,
    message: entry.message,
    object: entry.object ?? null,
    attempt: entry.attempt,
    // Read as JavaScript reads it, as before: a time it cannot read fails the batch (toISOString throws).
    logged_at: new Date(entry.loggedAt),
  };
}
