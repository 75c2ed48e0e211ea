import { ErrorCode, YardError, type RunsWithoutRequestQuery, type RunWithoutRequest } from '@yardmaster/contracts';
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

export function parseRunsWithoutRequestQuery(body: unknown): RunsWithoutRequestQuery {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const { quietSeconds, limit } = fields;
  if (typeof quietSeconds !== 'number' || !(quietSeconds >= 0) || typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new YardError(ErrorCode.ValidationFailed, 'The runs-without-request query needs quietSeconds (0 or more) and limit (1 or more)');
  }
  return { quietSeconds, limit };
}
