/** NATS subject names. Run events live under `<instance>.run.<runId>.<kind>` so a consumer can follow one run. */
export interface Subjects {
  readonly runEvents: string;
  runEvent(runId: string, kind: string): string;
  runEventsOf(runId: string): string;
  readonly catalogAnnounced: string;
  readonly catalogEvents: string;
  readonly startRunCommand: string;
  readonly cancelRunCommand: string;
  /** Answered by the projection: ids of runs its read model holds as not yet ended. */
  readonly liveRunsQuery: string;
  readonly scheduleEvents: string;
  scheduleChanged(scheduleId: string): string;
  readonly upsertScheduleCommand: string;
  readonly updateScheduleCommand: string;
  readonly scheduleActionCommand: string;
  servicePing(service: ServiceName): string;
}

export type ServiceName = 'api' | 'scheduler' | 'collector' | 'projection';

export function subjectsFor(instance: string): Subjects {
  return {
    runEvents: `${instance}.run.>`,
    runEvent: (runId, kind) => `${instance}.run.${runId}.${kind}`,
    runEventsOf: (runId) => `${instance}.run.${runId}.>`,
    catalogAnnounced: `${instance}.catalog.announced`,
    catalogEvents: `${instance}.catalog.>`,
    startRunCommand: `${instance}.cmd.run.start`,
    cancelRunCommand: `${instance}.cmd.run.cancel`,
    liveRunsQuery: `${instance}.query.runs.live`,
    scheduleEvents: `${instance}.schedule.>`,
    scheduleChanged: (scheduleId) => `${instance}.schedule.${scheduleId}.changed`,
    upsertScheduleCommand: `${instance}.cmd.schedule.upsert`,
    updateScheduleCommand: `${instance}.cmd.schedule.update`,
    scheduleActionCommand: `${instance}.cmd.schedule.action`,
    servicePing: (service) => `${instance}.svc.${service}.ping`,
  };
}
