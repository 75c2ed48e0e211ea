import { ErrorCode, runStatusRank, YardError, type FieldError, type LiveRun, type LiveRunsQuery } from '@yardmaster/contracts';
import type { DataSource } from '@yardmaster/read-models';

/** The most runs one answer holds, whatever `limit` asks for. */
export const MAX_LIVE_RUNS = 1000;

/** About 31 years: anything longer is a mistake, and would overflow Postgres' interval. */
export const MAX_QUIET_SECONDS = 1_000_000_000;

/** Every terminal status has this rank; lower ranks are runs not yet ended. Written into the SQL as a literal, as the partial index `job_runs_live_idx` states it. */
const TERMINAL_RANK = runStatusRank('completed');

/**
 * Runs the read model holds as not yet ended and unchanged for longer than `quietSeconds`, the longest quiet
 * first, at most `limit` (capped at MAX_LIVE_RUNS).
 */
export async function findLiveRuns(dataSource: DataSource, query: LiveRunsQuery): Promise<LiveRun[]> {
  const rows: Array<{ id: string; workflow_id: string; status: string; updated_at: Date; cancel_requested_by: string | null }> = await dataSource.query(
    `SELECT id, workflow_id, status, updated_at, cancel_requested_by
     FROM job_runs
     WHERE status_rank < ${TERMINAL_RANK} AND updated_at < now() - make_interval(secs => $1::double precision)
     ORDER BY updated_at, id
     LIMIT $2`,
    [query.quietSeconds, Math.min(query.limit, MAX_LIVE_RUNS)],
  );
  return rows.map((row) => ({
    runId: row.id,
    workflowId: row.workflow_id,
    status: row.status,
    updatedAt: row.updated_at.toISOString(),
    cancelRequestedBy: row.cancel_requested_by,
  }));
}

/** Checks a query that came over the wire; a bad one is refused with VALIDATION_FAILED and every problem. */
export function parseLiveRunsQuery(body: unknown): LiveRunsQuery {
  const fieldErrors: FieldError[] = [];
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (fields === null) throw new YardError(ErrorCode.MalformedRequest, 'The live-runs query must be a JSON object');
  const { quietSeconds, limit } = fields;
  if (typeof quietSeconds !== 'number' || !Number.isFinite(quietSeconds) || quietSeconds < 0 || quietSeconds > MAX_QUIET_SECONDS) {
    fieldErrors.push({ field: 'quietSeconds', message: `must be a number of seconds from 0 to ${MAX_QUIET_SECONDS}` });
  }
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    fieldErrors.push({ field: 'limit', message: 'must be a whole number, 1 or more' });
  }
  if (fieldErrors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The live-runs query is not valid', fieldErrors);
  return { quietSeconds: quietSeconds as number, limit: limit as number };
}
