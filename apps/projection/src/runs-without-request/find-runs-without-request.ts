import { parseQuery, runsWithoutRequestQuerySchema, type RunsWithoutRequestQuery, type RunWithoutRequest } from '@yardmaster/contracts';
import type { DataSource } from '@yardmaster/read-models';

const MAX_RUNS = 500;

/** Runs whose row came from later events only (no requester), quiet for `quietSeconds`, the oldest first. */
export async function findRunsWithoutRequest(dataSource: DataSource, query: RunsWithoutRequestQuery): Promise<RunWithoutRequest[]> {
  const rows: Array<{ id: string; workflow_id: string }> = await dataSource.query(
    `SELECT id, workflow_id FROM job_runs
     WHERE requested_by IS NULL AND updated_at < now() - make_interval(secs => $1::double precision)
     ORDER BY updated_at, id
     LIMIT $2`,
    [query.quietSeconds, Math.min(query.limit, MAX_RUNS)],
  );
  return rows.map((row) => ({ runId: row.id, workflowId: row.workflow_id }));
}

/** Checks a query that came over the wire against its contract: MALFORMED_REQUEST or VALIDATION_FAILED naming every field. */
export function parseRunsWithoutRequestQuery(body: unknown): RunsWithoutRequestQuery {
  return parseQuery(runsWithoutRequestQuerySchema, body, 'The runs-without-request query');
}
