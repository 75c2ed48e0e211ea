import type { DataSource } from '@yardmaster/read-models';
import type { AuditEntry } from './audit-entry';

/**
 * Stores an entry once. The event id is the key, so a redelivered event inserts nothing; the audit does not use
 * `applied_events`, which the projection has already filled with the same ids for its own tables.
 */
export async function recordAuditEntry(dataSource: Pick<DataSource, 'query'>, entry: AuditEntry): Promise<boolean> {
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO audit_entries (event_id, occurred_at, actor, action, target_type, target_id, summary, correlation_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [entry.eventId, entry.occurredAt, entry.actor, entry.action, entry.targetType, entry.targetId, entry.summary, entry.correlationId, JSON.stringify(entry.details)],
  );
  return inserted.length > 0;
}
