import { liveRunsQuerySchema, parseQuery, runStatusRank, type LiveRun, type LiveRunsQuery } from '@yardmaster/contracts';
import type { DataSource } from '@yardmaster/read-models';

/** The most runs one answer holds, whatever `limit` asks for. */
export const MAX_LIVE_RUNS = 1000;

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

/** Checks a query that came over the wire against its contract: MALFORMED_REQUEST or VALIDATION_FAILED naming every field. */
export function parseLiveRunsQuery(body: unknown): LiveRunsQuery {
  return parseQuery(liveRunsQuerySchema, body, 'The live-runs query');
}
