import type { DataSource } from '@yardmaster/read-models';
import type { RetentionCutoffs } from './retention-policy';

/** What one batch deleted from the read models. */
export interface ReadModelPrune {
  readonly runs: number;
  readonly logEntries: number;
  readonly auditEntries: number;
  readonly appliedEvents: number;
  /** Every table came back short of the batch size: nothing more is old enough for now. */
  readonly done: boolean;
}

/** Log lines are deleted in chunks of their own: one run may hold a hundred thousand of them. */
const LOG_CHUNK = 10_000;

/**
 * Deletes one batch of what retention lets go, each statement in a transaction of its own so that pruning
 * millions of rows never holds locks for long. Only ended runs go (status_rank 4: every terminal status), and
 * only when they both started and ended before the cutoff; a queued or running run is never touched, however old.
 * A run's log entries and its facts report (a plan run's) go before the run, so a prune cut short leaves whole
 * runs for the next one.
 */
export async function pruneReadModels(dataSource: DataSource, cutoffs: RetentionCutoffs, batchSize: number): Promise<ReadModelPrune> {
  let runs = 0;
  let logEntries = 0;
  if (cutoffs.runs) {
    const rows: Array<{ id: string }> = await dataSource.query(
      // created_at < cutoff lets the scan use job_runs_created_at_idx; the ended time is the rule.
      `SELECT id FROM job_runs
        WHERE created_at < $1 AND status_rank = 4 AND COALESCE(completed_at, updated_at) < $1
        ORDER BY created_at LIMIT $2`,
      [cutoffs.runs, batchSize],
    );
    const runIds = rows.map((row) => row.id);
    if (runIds.length > 0) {
      logEntries = await deleteLogEntriesOf(dataSource, runIds);
      await deleteFactsReportsOf(dataSource, runIds);
      runs = await deleted(dataSource, `DELETE FROM job_runs WHERE id = ANY($1::uuid[]) AND status_rank = 4`, [runIds]);
    }
  }
  const auditEntries = cutoffs.audit
    ? await deleted(
        dataSource,
        `DELETE FROM audit_entries WHERE event_id IN (SELECT event_id FROM audit_entries WHERE occurred_at < $1 ORDER BY occurred_at LIMIT $2)`,
        [cutoffs.audit, batchSize],
      )
    : 0;
  const appliedCutoff = appliedEventsCutoff(cutoffs);
  const appliedEvents = appliedCutoff
    ? await deleted(
        dataSource,
        `DELETE FROM applied_events WHERE event_id IN (SELECT event_id FROM applied_events WHERE applied_at < $1 ORDER BY applied_at LIMIT $2)`,
        [appliedCutoff, batchSize],
      )
    : 0;
  const done = runs < batchSize && auditEntries < batchSize && appliedEvents < batchSize;
  return { runs, logEntries, auditEntries, appliedEvents, done };
}

/**
 * Applied-event records guard against a redelivered event; an event applied before both cutoffs is long
 * acknowledged (or purged from its stream), so it cannot come back. Kept for ever while either retention is.
 */
export function appliedEventsCutoff(cutoffs: RetentionCutoffs): Date | null {
  if (!cutoffs.runs || !cutoffs.audit) return null;
  return cutoffs.runs < cutoffs.audit ? cutoffs.runs : cutoffs.audit;
}

async function deleteLogEntriesOf(dataSource: DataSource, runIds: readonly string[]): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await deleted(
      dataSource,
      `DELETE FROM job_log_entries WHERE id IN (SELECT id FROM job_log_entries WHERE run_id = ANY($1::uuid[]) LIMIT $2)`,
      [runIds, LOG_CHUNK],
    );
    total += count;
    if (count < LOG_CHUNK) return total;
  }
}

/** A plan run's facts report (its id is the run's): its entries in chunks, as log lines, then the report. */
async function deleteFactsReportsOf(dataSource: DataSource, runIds: readonly string[]): Promise<void> {
  for (;;) {
    const count = await deleted(
      dataSource,
      `DELETE FROM facts_report_entries WHERE (report_id, id) IN (SELECT report_id, id FROM facts_report_entries WHERE report_id = ANY($1::text[]) LIMIT $2)`,
      [runIds, LOG_CHUNK],
    );
    if (count < LOG_CHUNK) break;
  }
  await dataSource.query(`DELETE FROM facts_reports WHERE id = ANY($1::text[])`, [runIds]);
}

async function deleted(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<number> {
  // TypeORM's Postgres driver answers a DELETE with [rows, affected count].
  const [, count] = (await dataSource.query(sql, parameters)) as [unknown, number];
  return count;
}
