import { YardError } from '@yardmaster/contracts';

/**
 * The start use case's refusal of a schedule's run for a reason that holds at every firing (its job gone, disabled or
 * with sensitive variables; its owner gone, deactivated or no longer allowed to run it). The code is the refusal's own
 * (`JOB_NOT_FOUND`, `JOB_DISABLED`, `SENSITIVE_JOB_NOT_SCHEDULABLE`, `FORBIDDEN`); `pauseReason` is what a person reads
 * on the paused schedule. The use case only refuses: the firing (`start-scheduled-run.activity.ts`) pauses the schedule,
 * so starting a run never changes a schedule.
 */
export class ScheduleRunRefused extends YardError {
  constructor(
    readonly scheduleId: string,
    readonly pauseReason: string,
    refusal: YardError,
  ) {
    super(refusal.code, refusal.message, refusal.fieldErrors, refusal.details);
    this.name = 'ScheduleRunRefused';
  }
}

/** The refusal, typed as a schedule's when the run is a schedule's; a person's own run is refused as before. */
export function refusalFor(scheduleId: string | undefined, pauseReason: string, refusal: YardError): YardError {
  return scheduleId ? new ScheduleRunRefused(scheduleId, pauseReason, refusal) : refusal;
}
