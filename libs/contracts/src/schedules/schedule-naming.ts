/**
 * A schedule's id is derived from its key, so two requests with the same key name the same Temporal
 * Schedule and Temporal itself guarantees there is one. The instance prefix keeps test instances apart.
 */
export function temporalScheduleIdFor(instance: string, scheduleId: string): string {
  return `${instance}-${scheduleId}`;
}

export const SCHEDULED_RUN_WORKFLOW_TYPE = 'scheduledRunWorkflow';

/** The actor a scheduled run is requested by; the run acts as the schedule's owner (`runAs`). */
export function scheduleActor(scheduleId: string): string {
  return `schedule:${scheduleId}`;
}
