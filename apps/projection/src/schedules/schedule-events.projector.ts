import type { EventEnvelope, ScheduleChanged, ScheduleSnapshot } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';
import { lockSchedule } from './schedule-lock';

/** Every event the schedules stream carries. */
export type ScheduleEvent = ScheduleChanged;

/**
 * Applies schedule events to `schedules`. Each `schedule.changed` carries the whole schedule, so the row takes the
 * snapshot of the highest stream position applied and ignores an older one applied late. A deleted schedule
 * keeps its row, marked `deleted_at`, and its runs keep their link to it.
 */
export async function projectScheduleEvent(manager: EntityManager, event: ScheduleEvent, position: number): Promise<void> {
  switch (event.type) {
    case 'schedule.changed':
      await applySnapshot(manager, event.data, position);
      return;
    default: {
      // As for run events: an unknown type is thrown, so the event is redelivered until a projection knows it.
      const unknown: never = event.type;
      throw new Error(`Unknown schedule event type ${String(unknown)} (event ${(event as EventEnvelope).id})`);
    }
  }
}

async function applySnapshot(manager: EntityManager, snapshot: ScheduleSnapshot, position: number): Promise<void> {
  const { scheduleId, definition } = snapshot;
  const observedAt = new Date(snapshot.observedAt);
  await lockSchedule(manager, scheduleId);
  const existing: unknown[] = await manager.query(`SELECT 1 FROM schedules WHERE id = $1`, [scheduleId]);
  const params = [
    scheduleId,
    definition.key,
    definition.jobId,
    JSON.stringify(definition),
    snapshot.state,
    snapshot.pausedReason,
    JSON.stringify(snapshot.nextRunTimes),
    position,
    snapshot.deleted,
    observedAt,
    definition.owner ?? null,
  ];

  if (existing.length > 0) {
    // updated_at moves only when the schedule itself changed: a snapshot that only has new next run times does not.
    await manager.query(
      `UPDATE schedules SET
         key = $2, job_id = $3, definition = $4::jsonb, state = $5, paused_reason = $6, next_run_times = $7::jsonb,
         snapshot_position = $8, owner = $11,
         deleted_at = CASE WHEN $9::boolean THEN COALESCE(deleted_at, $10) ELSE NULL END,
         updated_at = CASE
           WHEN (definition, state, paused_reason, deleted_at IS NOT NULL) IS DISTINCT FROM ($4::jsonb, $5::text, $6::text, $9::boolean) THEN $10
           ELSE updated_at
         END
       WHERE id = $1 AND snapshot_position < $8`,
      params,
    );
    return;
  }

  // The schedule's runs may have been applied before its first snapshot (the two streams are projected
  // independently, e.g. when the read models are rebuilt): the new row counts them. The lock taken above keeps
  // the run projector from counting a run meanwhile; sharing the last run's row waits for a status change of it
  // that is being applied, so that change is seen here or finds this row.
  const lastRuns: Array<{ id: string; status: string; created_at: Date }> = await manager.query(
    `SELECT id, status, created_at FROM job_runs WHERE schedule_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1 FOR SHARE`,
    [scheduleId],
  );
  const lastRun = lastRuns[0] ?? null;
  await manager.query(
    `INSERT INTO schedules (
       id, key, job_id, definition, state, paused_reason, next_run_times, snapshot_position, deleted_at, created_at, updated_at,
       owner, total_runs, last_run_id, last_run_status, last_run_at)
     VALUES (
       $1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8, CASE WHEN $9::boolean THEN $10::timestamptz END, $10, $10,
       $11, (SELECT count(*) FROM job_runs WHERE schedule_id = $1), $12, $13, $14)`,
    [...params, lastRun?.id ?? null, lastRun?.status ?? null, lastRun?.created_at ?? null],
  );
}
