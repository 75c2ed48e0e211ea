import { Logger } from '@nestjs/common';
import { runStatusRank, TERMINAL_RUN_STATUSES, type EventEnvelope, type RunErrorInfo, type RunEvent, type RunStatus } from '@yardmaster/contracts';
import { RUN_ENDED_CHANNEL, type EntityManager, type JobRunStepRecord } from '@yardmaster/read-models';
import { insertLogEntries } from './log-entries.writer';

const logger = new Logger('RunEventsProjector');

/** A run's row as an event that changed it left it: what the run metrics read of it. */
export interface RunRowAfter {
  readonly jobId: string;
  /** Null until run.requested, which names the queue, is applied. */
  readonly queue: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly completedAt: Date | null;
}

/** What applying a run event did to the run's row. */
export interface RunEventEffect {
  /** The schedule the run's row names: null when none. */
  readonly scheduleId: string | null;
  /** The row as the event left it; null when the row refused the event (a second end, a start after the end). */
  readonly changed: RunRowAfter | null;
}

/** The columns every statement below returns, for RunRowAfter. */
const ROW_AFTER = 'job_id, queue, created_at, started_at, completed_at';

interface RowAfterColumns {
  job_id: string;
  queue: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

function rowAfter(row: RowAfterColumns): RunRowAfter {
  return { jobId: row.job_id, queue: row.queue, createdAt: row.created_at, startedAt: row.started_at, completedAt: row.completed_at };
}

/**
 * Applies run events to `job_runs` and `job_log_entries`. Events from the scheduler and the workflow may
 * arrive in either order, so every write is an upsert that merges fields and never lowers the status rank,
 * a run's attempt, a step's attempt or the position of its progress report. What a run changes on its
 * schedule's row is the schedule projector's (schedules/schedule-run-events.projector.ts).
 * Resolves to what the event did to the run's row, read by the statement that applied it, so that the schedule
 * projector only follows runs a schedule requested and the run metrics observe only the events that changed the row
 * (null for a log entry, which changes no run row, and for a start the row refused after the run ended).
 */
export async function projectRunEvent(manager: EntityManager, event: RunEvent, position: number): Promise<RunEventEffect | null> {
  const at = new Date(event.occurredAt);
  switch (event.type) {
    case 'run.requested': {
      const { data } = event;
      const scheduleId = data.scheduleId ?? null;
      // A run with a start time still ahead waits `scheduled`; run.queued follows when that time comes.
      const status: RunStatus = data.startAt && Date.parse(data.startAt) > Date.parse(data.requestedAt) ? 'scheduled' : 'queued';
      return upsertRun(manager, event, status, {
        job_id: data.jobId,
        job_name: data.jobName,
        data: JSON.stringify(data.data),
        commit: data.commit,
        queue: data.queue,
        requested_by: data.requestedBy,
        // Events from before run_as: the run acted as its requester, and the requester already owns it.
        ...(data.runAs === undefined ? {} : { run_as: data.runAs }),
        workflow_id: data.workflowId,
        created_at: new Date(data.requestedAt),
        ...(scheduleId === null ? {} : { schedule_id: scheduleId }),
      });
    }
    case 'run.queued':
      return upsertRun(manager, event, 'queued', { job_id: event.data.jobId, workflow_id: event.data.workflowId, created_at: at });
    case 'run.started':
      return upsertRun(manager, event, 'running', {
        job_id: event.data.jobId,
        workflow_id: event.data.workflowId,
        attempt: event.data.attempt,
        started_at: at,
        created_at: at,
      });
    case 'run.step_started': {
      const { step, attempt, maxAttempts, worker } = event.data;
      const entry: JobRunStepRecord = { worker, attempt, maxAttempts, startedAt: event.occurredAt };
      // A step runs only while its run does: a run whose run.started is still to come is running already.
      const running = runStatusRank('running');
      return updateRun(
        manager,
        event,
        `steps = steps || jsonb_build_object($2::text, $3::jsonb),
         attempt = GREATEST(attempt, $4::integer),
         status = CASE WHEN status_rank < $5 THEN $6 ELSE status END,
         status_rank = GREATEST(status_rank, $5)`,
        // An earlier attempt of the step, applied late, leaves the later one's entry (and everything else) alone.
        `COALESCE((steps -> $2::text ->> 'attempt')::integer, 0) <= $4::integer`,
        [step, JSON.stringify(entry), attempt, running, 'running'],
      );
    }
    case 'run.progress': {
      const { total, done, failed } = event.data;
      return updateRun(
        manager,
        event,
        `progress = $2::jsonb, progress_position = $3`,
        `progress_position IS NULL OR progress_position < $3`,
        [JSON.stringify({ total, done, failed }), position],
      );
    }
    case 'run.cancel_requested':
      // The first request is kept: a second one (or the first applied late) does not rename who asked.
      return updateRun(
        manager,
        event,
        `cancel_requested_by = $2, cancel_requested_at = $3`,
        `cancel_requested_at IS NULL OR cancel_requested_at > $3`,
        [event.data.by, at],
      );
    case 'run.completed':
      return finishRun(manager, event, 'completed', { result: JSON.stringify(event.data.result) });
    case 'run.failed':
      return finishRun(manager, event, 'failed', {
        result: JSON.stringify(event.data.result),
        failure_count: event.data.failureCount,
      });
    case 'run.errored':
      return finishRun(manager, event, 'errored', {
        result: JSON.stringify(event.data.result),
        error: JSON.stringify(event.data.error),
      });
    case 'run.cancelled': {
      const { result, cancelledBy, step, reason } = event.data;
      const error: RunErrorInfo = { message: reason ?? `Cancelled by ${cancelledBy}`, type: 'Cancelled', step };
      return finishRun(manager, event, 'cancelled', {
        result: JSON.stringify(result),
        cancelled_by: cancelledBy,
        error: JSON.stringify(error),
      });
    }
    case 'run.timed_out':
      return finishRun(manager, event, 'timed_out', {
        result: JSON.stringify(event.data.result),
        error: JSON.stringify(event.data.error),
      });
    case 'run.log':
    case 'run.log_batch':
      await insertLogEntries(manager, [{ event, streamSequence: position }]);
      return null;
    default: {
      // A new event type fails to compile here. At run time (a newer producer) it is thrown, so the event is
      // not marked applied and is redelivered until a projection that knows it applies it.
      const unknown: never = event;
      throw new Error(`Unknown run event type ${(unknown as EventEnvelope).type} (event ${(unknown as EventEnvelope).id})`);
    }
  }
}

/**
 * Events that say a run is (re)starting: after the run ended, they contradict its end. A step started after the
 * end is no contradiction (`post_run` runs after the run's outcome is known) and never reopens the run.
 */
const SAYS_STILL_RUNNING = new Set<RunEvent['type']>(['run.queued', 'run.started']);

/**
 * An event that says the run goes on, dated after the run ended, contradicts the end (a workflow task that
 * published it and then failed, say): the run keeps its end, and the event is recorded as applied without effect,
 * so it is acked and logged this once. One dated before the end is only late, and is applied as usual (it never
 * lowers the status). Told after the upsert that refused it changed nothing: this reads the end it kept.
 */
async function warnContradiction(manager: EntityManager, event: RunEvent): Promise<void> {
  const rows: Array<{ status: RunStatus }> = await manager.query(`SELECT status FROM job_runs WHERE id = $1`, [event.aggregateId]);
  logger.warn({ runId: event.aggregateId, eventType: event.type, eventId: event.id, endedAs: rows[0]?.status }, 'Event refused: the run already ended, and keeps its end');
}

type Columns = Record<string, string | number | boolean | Date | null>;

/**
 * created_at keeps the earliest time seen, attempt the highest; every other given column takes the event's value. An
 * event that says the run goes on (SAYS_STILL_RUNNING) changes nothing on a run that ended before it was sent: the
 * update's condition refuses it, in the same statement. Resolves to the row as it left it (null when refused).
 */
async function upsertRun(manager: EntityManager, event: RunEvent, status: RunStatus, columns: Columns): Promise<RunEventEffect | null> {
  const names = Object.keys(columns);
  const values = Object.values(columns);
  const placeholders = names.map((_, index) => `$${index + 6}`);
  const updates = names.map((name) => {
    if (name === 'created_at') return 'created_at = LEAST(job_runs.created_at, EXCLUDED.created_at)';
    if (name === 'attempt') return 'attempt = GREATEST(job_runs.attempt, EXCLUDED.attempt)';
    return `${name} = EXCLUDED.${name}`;
  });
  const refusesAfterEnd = SAYS_STILL_RUNNING.has(event.type);
  const rows: Array<{ schedule_id: string | null } & RowAfterColumns> = await manager.query(
    `INSERT INTO job_runs (id, status, status_rank, updated_at, ${names.join(', ')})
     VALUES ($1, $2, $3, now(), ${placeholders.join(', ')})
     ON CONFLICT (id) DO UPDATE SET
       ${updates.join(',\n       ')},
       status = CASE WHEN job_runs.status_rank < EXCLUDED.status_rank THEN EXCLUDED.status ELSE job_runs.status END,
       status_rank = GREATEST(job_runs.status_rank, EXCLUDED.status_rank),
       updated_at = now()
     WHERE NOT ($4 AND job_runs.status = ANY($5::text[]) AND job_runs.completed_at < ${`$${names.length + 6}`})
     RETURNING schedule_id, ${ROW_AFTER}`,
    [event.aggregateId, status, runStatusRank(status), refusesAfterEnd, TERMINAL_RUN_STATUSES, ...values, new Date(event.occurredAt)],
  );
  if (rows.length === 0) {
    await warnContradiction(manager, event);
    return null;
  }
  return { scheduleId: rows[0].schedule_id, changed: rowAfter(rows[0]) };
}

/**
 * A terminal event follows `run.requested` or `run.started` of its run, so the row exists; the first terminal
 * event wins, and a later one changes nothing. Either way its commit wakes the API's requests waiting for the run's
 * end (`pg_notify`, delivered when the transaction commits).
 */
function finishRun(manager: EntityManager, event: RunEvent, status: RunStatus, columns: Columns): Promise<RunEventEffect> {
  const names = Object.keys(columns);
  const assignments = names.map((name, index) => `${name} = $${index + 5}`);
  return updateRun(
    manager,
    event,
    `status = $2, status_rank = $3, completed_at = $4, ${assignments.join(', ')}`,
    `status_rank < $3`,
    [status, runStatusRank(status), new Date(event.occurredAt), ...Object.values(columns)],
    'ended',
    RUN_ENDED_CHANNEL,
  );
}

/**
 * Updates the event's run where `condition` holds (`$1` is the run id, `params` are `$2`...), and bumps
 * `updated_at` when it does. An event that only changes an existing run cannot create it: when the run has no
 * row yet, this throws, so the transaction rolls back and the message is redelivered rather than lost. Resolves to
 * the row's schedule id and, when `condition` held, the row as the update left it; with `notify`, the run's id goes
 * out on that channel once the transaction commits.
 */
async function updateRun(
  manager: EntityManager,
  event: RunEvent,
  assignments: string,
  condition: string,
  params: ReadonlyArray<string | number | boolean | Date | null>,
  what = `got ${event.type}`,
  notify: string | null = null,
): Promise<RunEventEffect> {
  const channel = `$${params.length + 2}`;
  // The outer query sees the row as it was; the CTE's RETURNING, the row as the update left it (no row when the
  // condition refused the event). A data-modifying CTE runs whether or not the outer query reads it.
  const rows: Array<{ schedule_id: string | null; updated: boolean } & RowAfterColumns> = await manager.query(
    `WITH updated AS (
       UPDATE job_runs SET ${assignments}, updated_at = now()
       WHERE id = $1 AND (${condition})
       RETURNING ${ROW_AFTER}
     )
     SELECT run.schedule_id, updated.*, EXISTS (SELECT 1 FROM updated) AS updated${notify === null ? '' : `, pg_notify(${channel}, run.id::text)`}
     FROM job_runs run LEFT JOIN updated ON true WHERE run.id = $1`,
    notify === null ? [event.aggregateId, ...params] : [event.aggregateId, ...params, notify],
  );
  if (rows.length === 0) throw new Error(`Run ${event.aggregateId} ${what} before any event created it`);
  const [row] = rows;
  return { scheduleId: row.schedule_id, changed: row.updated ? rowAfter(row) : null };
}
