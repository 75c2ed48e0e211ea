import type { EntityManager } from '@yardmaster/read-models';

/**
 * Holds, until the transaction ends, a lock on one schedule id, whether or not its row exists yet. The two
 * writers that must not interleave take it, both in the schedule projector: creating a schedule's row (which counts
 * the runs the schedule already has) and counting a new scheduled run as its `run.requested` is applied. Without it,
 * a run applied while the row is being created could be counted by neither, or by both.
 */
export async function lockSchedule(manager: EntityManager, scheduleId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`schedule:${scheduleId}`]);
}
