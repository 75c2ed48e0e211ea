import type { ScheduledRunRequest } from '@yardmaster/contracts';

/**
 * Activities of the scheduled-run workflow. `startScheduledRun` is the scheduler's (its own task queue: it starts
 * the run in-process and pauses the schedule a refusal names); `awaitRunEnd` the collectors', beside the run.
 */
export interface ScheduledRunActivities {
  /** Starts the schedule's run; returns its id. A refusal fails with type RunRefused (the schedule paused when it says so). */
  startScheduledRun(request: ScheduledRunRequest): Promise<string>;
  /** Waits for the run's terminal event; returns its status. */
  awaitRunEnd(runId: string): Promise<string>;
}

export type StartScheduledRunActivity = Pick<ScheduledRunActivities, 'startScheduledRun'>;
export type AwaitRunEndActivity = Pick<ScheduledRunActivities, 'awaitRunEnd'>;
