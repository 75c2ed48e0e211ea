/** NATS subject names. Run events live under `<instance>.run.<runId>.<kind>` so a consumer can follow one run. */
export interface Subjects {
  readonly runEvents: string;
  runEvent(runId: string, kind: string): string;
  runEventsOf(runId: string): string;
  readonly catalogAnnounced: string;
  /** The newest overrides of one job; the catalog stream keeps them per subject. */
  jobOverridden(jobId: string): string;
  readonly overrideJobCommand: string;
  readonly catalogEvents: string;
  /** Every collector answers it (no queue group): each reloads its job modules and announces its catalog again. */
  readonly catalogReloadCommand: string;
  readonly startRunCommand: string;
  readonly cancelRunCommand: string;
  /** Answered by the projection: ids of runs its read model holds as not yet ended. */
  readonly liveRunsQuery: string;
  readonly runsWithoutRequestQuery: string;
  /** Answered by the API, which owns identity: a user's current principal (a schedule's owner at each tick). */
  readonly principalQuery: string;
  readonly scheduleEvents: string;
  scheduleChanged(scheduleId: string): string;
  readonly upsertScheduleCommand: string;
  readonly updateScheduleCommand: string;
  readonly scheduleActionCommand: string;
  servicePing(service: ServiceName): string;
  readonly identityEvents: string;
  /** `kind` is the event type without `identity.`: names (usernames may hold dots) stay out of subjects. */
  identityEvent(kind: string): string;
  /** Where a durable consumer parks an event it gave up on; `consumer` is the durable's name. */
  parkedEvent(consumer: string): string;
  readonly parkedEvents: string;
  /** Answered by the projection: apply parked events again, deleting each one that applies. */
  readonly replayParkedCommand: string;
  /** Answered by the projection: prune one batch of runs, logs, audit entries or stream events past retention. */
  readonly pruneDataCommand: string;
  /** Answered by the projection: rebuild read models from the streams into a shadow schema, compare, swap when asked. */
  readonly rebuildReadModelsCommand: string;
  /** Facts reports of plan runs: `<instance>.facts.<reportId>.<kind>` (a report's id is its run's id). */
  readonly factsEvents: string;
  factsEvent(reportId: string, kind: string): string;
}

export type ServiceName = 'api' | 'scheduler' | 'collector' | 'projection';

export function subjectsFor(instance: string): Subjects {
  return {
    runEvents: `${instance}.run.>`,
    runEvent: (runId, kind) => `${instance}.run.${runId}.${kind}`,
    runEventsOf: (runId) => `${instance}.run.${runId}.>`,
    catalogAnnounced: `${instance}.catalog.announced`,
    jobOverridden: (jobId) => `${instance}.catalog.override.${jobId}`,
    overrideJobCommand: `${instance}.cmd.catalog.override`,
    catalogEvents: `${instance}.catalog.>`,
    catalogReloadCommand: `${instance}.cmd.catalog.reload`,
    startRunCommand: `${instance}.cmd.run.start`,
    cancelRunCommand: `${instance}.cmd.run.cancel`,
    liveRunsQuery: `${instance}.query.runs.live`,
    runsWithoutRequestQuery: `${instance}.query.runs.without_request`,
    principalQuery: `${instance}.query.principal`,
    scheduleEvents: `${instance}.schedule.>`,
    scheduleChanged: (scheduleId) => `${instance}.schedule.${scheduleId}.changed`,
    upsertScheduleCommand: `${instance}.cmd.schedule.upsert`,
    updateScheduleCommand: `${instance}.cmd.schedule.update`,
    scheduleActionCommand: `${instance}.cmd.schedule.action`,
    servicePing: (service) => `${instance}.svc.${service}.ping`,
    identityEvents: `${instance}.identity.>`,
    identityEvent: (kind) => `${instance}.identity.${kind}`,
    parkedEvent: (consumer) => `${instance}.parked.${consumer}`,
    parkedEvents: `${instance}.parked.>`,
    replayParkedCommand: `${instance}.cmd.parked.replay`,
    pruneDataCommand: `${instance}.cmd.data.prune`,
    rebuildReadModelsCommand: `${instance}.cmd.read-models.rebuild`,
    factsEvents: `${instance}.facts.>`,
    factsEvent: (reportId, kind) => `${instance}.facts.${reportId}.${kind}`,
  };
}
