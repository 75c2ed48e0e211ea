import type { RunLogged } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

/** A log event and its position in the runs stream, which orders a run's entries. */
export interface PositionedLogEntry {
  readonly event: RunLogged;
  readonly position: number;
}

/**
 * Stores log entries with one statement however many there are (arrays unnested, so the statement and its
 * parameters stay the same size). An entry already stored (its event id) is left as it is.
 */
export async function insertLogEntries(manager: EntityManager, entries: readonly PositionedLogEntry[]): Promise<void> {
  await manager.query(
    `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, object, attempt, logged_at)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::integer[], $9::timestamptz[])
     ON CONFLICT (id) DO NOTHING`,
    [
      entries.map(({ event }) => event.id),
      entries.map(({ event }) => event.aggregateId),
      entries.map(({ position }) => position),
      entries.map(({ event }) => event.data.level),
      entries.map(({ event }) => event.data.grouping),
      entries.map(({ event }) => event.data.message),
      entries.map(({ event }) => (event.data.object ? JSON.stringify(event.data.object) : null)),
      entries.map(({ event }) => event.data.attempt),
      entries.map(({ event }) => new Date(event.data.loggedAt)),
    ],
  );
}
