import type { ScheduleDefinition, ScheduleDefinitionView, ScheduleTiming, ScheduleTimingView, ScheduleView } from '@yardmaster/contracts';
import type { ScheduleRecord } from '@yardmaster/read-models';

/** When a schedule fires, in the fields a schedule request uses: `{ at }`, `{ intervalMinutes }` or `{ cron, timezone }`. */
export function scheduleTimingView(timing: ScheduleTiming): ScheduleTimingView {
  switch (timing.kind) {
    case 'at':
      return { at: timing.at };
    case 'interval':
      return { intervalMinutes: timing.everyMinutes };
    case 'cron':
      return { cron: timing.cron, timezone: timing.timezone };
  }
}

/** What a schedule runs and when, flattened as a schedule request gives it (key and jobId are left to the caller). */
export function scheduleDefinitionView(definition: ScheduleDefinition): ScheduleDefinitionView {
  return {
    data: definition.data,
    commit: definition.commit,
    queue: definition.queue,
    runTimeoutSeconds: definition.runTimeoutSeconds,
    timing: scheduleTimingView(definition.timing),
    startAt: definition.startAt,
    endAt: definition.endAt,
    overlap: definition.overlap,
    catchupWindowSeconds: definition.catchupWindowSeconds,
    owner: definition.owner ?? null,
  };
}

/** A schedule as the API shows it: its definition, state, next run times, and the runs it started. */
export function scheduleView(record: ScheduleRecord): ScheduleView {
  return {
    id: record.id,
    key: record.key,
    jobId: record.jobId,
    ...scheduleDefinitionView(record.definition),
    state: record.state,
    pausedReason: record.pausedReason,
    nextRunTimes: record.nextRunTimes,
    lastRun:
      record.lastRunId === null
        ? null
        : { id: record.lastRunId, status: record.lastRunStatus, at: record.lastRunAt?.toISOString() ?? null },
    totalRuns: record.totalRuns,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    links: { self: `/api/schedules/${encodeURIComponent(record.id)}`, runs: `/api/runs?scheduleId=${encodeURIComponent(record.id)}` },
  };
}
