import type { RunEvent } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';
import { projectRunEvent, type RunEventEffect } from '../runs/run-events.projector';
import { lockSchedule } from './schedule-lock';

/** Events after which a run's status may have moved: the schedule whose last run it is follows it. */
const MAY_MOVE_STATUS = new Set<RunEvent['type']>(['run.queued', 'run.started', 'run.step_started', 'run.completed', 'run.failed', 'run.errored', 'run.cancelled', 'run.timed_out']);

/**
 * A run event as the runs stream's consumer applies it: the run's own rows (the run projector), then, here, what it
 * changes on its schedule's row (the schedule projector also consumes run events). A run a schedule requested is
 * counted on the schedule's row, which follows the status of the schedule's last run. One transaction for both, so
 * the schedule's row reads the run's row as this event left it. Resolves to what the event did to the run's row.
 */
export async function projectRunEventWithSchedule(manager: EntityManager, event: RunEvent, position: number): Promise<RunEventEffect | null> {
  const scheduleId = event.type === 'run.requested' ? (event.data.scheduleId ?? null) : null;
  // Taken before the run's row is written, as the snapshot projector takes it before reading that row.
  if (scheduleId !== null) await lockSchedule(manager, scheduleId);
  const effect = await projectRunEvent(manager, event, position);
  if (event.type === 'run.requested' && scheduleId !== null) await countScheduledRun(manager, scheduleId, event.aggregateId, new Date(event.data.requestedAt));
  // Only a run a schedule requested is a schedule's last run (run.requested sets its schedule_id before counting it).
  else if (MAY_MOVE_STATUS.has(event.type) && effect !== null && effect.scheduleId !== null) await followLastRun(manager, event.aggregateId);
  return effect;
}

/**
 * Counts a run its schedule requested, and makes it the schedule's last run unless a run requested later is
 * already. Applied once per run (applyOnce). A schedule with no row yet is left alone: its row, when its first
 * snapshot creates it, counts the runs already here.
 */
async function countScheduledRun(manager: EntityManager, scheduleId: string, runId: string, requestedAt: Date): Promise<void> {
  const latest = `(schedules.last_run_at IS NULL OR schedules.last_run_at <= $3)`;
  await manager.query(
    `UPDATE schedules SET
       total_runs = schedules.total_runs + 1,
       last_run_id = CASE WHEN ${latest} THEN run.id ELSE schedules.last_run_id END,
       last_run_status = CASE WHEN ${latest} THEN run.status ELSE schedules.last_run_status END,
       last_run_at = CASE WHEN ${latest} THEN $3 ELSE schedules.last_run_at END
     FROM job_runs run
     WHERE schedules.id = $1 AND run.id = $2`,
    [scheduleId, runId, requestedAt],
  );
}

/** After a run's status may have changed: the schedule whose last run it is shows its status. One indexed UPDATE. */
async function followLastRun(manager: EntityManager, runId: string): Promise<void> {
  await manager.query(
    `UPDATE schedules SET last_run_status = run.status
     FROM job_runs run
     WHERE run.id = $1 AND schedules.id = run.schedule_id AND schedules.last_run_id = run.id
       AND schedules.last_run_status IS DISTINCT FROM run.status`,
    [runId],
  );
}
