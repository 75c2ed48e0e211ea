import type { ScheduleSnapshot } from '@yardmaster/contracts';
import { scheduleDefinitionView } from '../schedule.view';

/** A schedule as a command's answer shows it: the definition and state as Temporal now holds them. */
export function scheduleSnapshotView(snapshot: ScheduleSnapshot) {
  const { definition } = snapshot;
  return {
    id: snapshot.scheduleId,
    key: definition.key,
    jobId: definition.jobId,
    ...scheduleDefinitionView(definition),
    state: snapshot.state,
    pausedReason: snapshot.pausedReason,
    nextRunTimes: snapshot.nextRunTimes,
    deleted: snapshot.deleted,
    links: { self: `/api/schedules/${snapshot.scheduleId}`, runs: `/api/runs?scheduleId=${snapshot.scheduleId}` },
  };
}
