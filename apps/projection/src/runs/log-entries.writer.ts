import type { RunLogged } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

/** A log event and its position in the runs stream, which orders a run's entries. */
export interface PositionedLogEntry {
  readonly event: RunLogged;
  readonly position: number;
}

/**
 * Stores log entries with one statement however many there are, and says how many were new. The entries go as one
 * JSON parameter: serialising it is native, whereas the driver escapes array parameters element by element in
 * JavaScript (a twentieth of the projection's CPU at 20,000 lines/s). An entry already stored (its event id is the
 * key) is left as it is, so storing the same entries again changes nothing: log entries need no `applied_events` row.
 */
export async function insertLogEntries(manager: EntityManager, entries: readonly PositionedLogEntry[]): Promise<number> {
  const rows = entries.map(({ event, position }) => ({
    id: event.id,
    run_id: event.aggregateId,
    position,
    level: event.data.level,
    grouping: event.data.grouping,
    message: event.data.message,
    object: event.data.object ?? null,
    attempt: event.data.attempt,
    // Read as JavaScript reads it, as before: a time it cannot read fails the batch (toISOString throws).
    logged_at: new Date(event.data.loggedAt),
  }));
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
