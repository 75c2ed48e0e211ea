import { runStatusRank, type RunEvent, type RunStatus } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';

/**
 * Applies run events to `job_runs` and `job_log_entries`. Events from the scheduler and the workflow may
 * arrive in either order, so every write is an upsert that merges fields and never lowers the status rank.
 */
export async function projectRunEvent(manager: EntityManager, event: RunEvent, position: number): Promise<void> {
  const at = new Date(event.occurredAt);
  switch (event.type) {
    case 'run.requested': {
      const { data } = event;
      await upsertRun(manager, event.aggregateId, 'queued', {
        job_id: data.jobId,
        job_name: data.jobName,
        data: JSON.stringify(data.data),
        commit: data.commit,
        queue: data.queue,
        requested_by: data.requestedBy,
        workflow_id: data.workflowId,
        created_at: new Date(data.requestedAt),
      });
      return;
    }
    case 'run.started':
      await upsertRun(manager, event.aggregateId, 'running', {
        job_id: event.data.jobId,
        workflow_id: event.data.workflowId,
        attempt: event.data.attempt,
        started_at: at,
        created_at: at,
      });
      return;
    case 'run.completed':
      await finishRun(manager, event.aggregateId, 'completed', at, { result: JSON.stringify(event.data.result) });
      return;
    case 'run.failed':
      await finishRun(manager, event.aggregateId, 'failed', at, {
        result: JSON.stringify(event.data.result),
        failure_count: event.data.failureCount,
      });
      return;
    case 'run.errored':
      await finishRun(manager, event.aggregateId, 'errored', at, {
        result: JSON.stringify(event.data.result),
        error: JSON.stringify(event.data.error),
      });
      return;
    case 'run.log':
      await manager.query(
        `INSERT INTO job_log_entries (id, run_id, position, level, grouping, message, object, attempt, logged_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO NOTHING`,
        [
          event.id,
          event.aggregateId,
          position,
          event.data.level,
          event.data.grouping,
          event.data.message,
          event.data.object ? JSON.stringify(event.data.object) : null,
          event.data.attempt,
          new Date(event.data.loggedAt),
        ],
      );
      return;
  }
}

type Columns = Record<string, string | number | boolean | Date | null>;

/** created_at keeps the earliest time seen; every other given column takes the event's value. */
async function upsertRun(manager: EntityManager, runId: string, status: RunStatus, columns: Columns): Promise<void> {
  const names = Object.keys(columns);
  const values = Object.values(columns);
  const placeholders = names.map((_, index) => `$${index + 4}`);
  const updates = names.map((name) =>
    name === 'created_at' ? 'created_at = LEAST(job_runs.created_at, EXCLUDED.created_at)' : `${name} = EXCLUDED.${name}`,
  );
  await manager.query(
    `INSERT INTO job_runs (id, status, status_rank, updated_at, ${names.join(', ')})
     VALUES ($1, $2, $3, now(), ${placeholders.join(', ')})
     ON CONFLICT (id) DO UPDATE SET
       ${updates.join(',\n       ')},
       status = CASE WHEN job_runs.status_rank < EXCLUDED.status_rank THEN EXCLUDED.status ELSE job_runs.status END,
       status_rank = GREATEST(job_runs.status_rank, EXCLUDED.status_rank),
       updated_at = now()`,
    [runId, status, runStatusRank(status), ...values],
  );
}

/** A terminal event always follows `run.started` from the same workflow, so the row exists; the first terminal event wins. */
async function finishRun(manager: EntityManager, runId: string, status: RunStatus, at: Date, columns: Columns): Promise<void> {
  const names = Object.keys(columns);
  const assignments = names.map((name, index) => `${name} = $${index + 5}`);
  await manager.query(
    `UPDATE job_runs SET status = $2, status_rank = $3, completed_at = $4, updated_at = now(), ${assignments.join(', ')}
     WHERE id = $1 AND status_rank < $3`,
    [runId, status, runStatusRank(status), at, ...Object.values(columns)],
  );
  const existing: unknown[] = await manager.query(`SELECT 1 FROM job_runs WHERE id = $1`, [runId]);
  // Thrown so the message is redelivered rather than lost; it cannot happen while producers keep their order.
  if (existing.length === 0) throw new Error(`Run ${runId} ended before any event created it`);
}
