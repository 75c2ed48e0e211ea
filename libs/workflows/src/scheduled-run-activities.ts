import type { ScheduledRunRequest } from '@yardmaster/contracts';

/** Activities of the scheduled-run workflow, implemented by collectors. */
export interface ScheduledRunActivities {
  /** Asks the scheduler for a run; returns its id. A refusal fails with type RunRefused. */
  startScheduledRun(request: ScheduledRunRequest): Promise<string>;
  /** Waits for the run's terminal event; returns its status. */
  awaitRunEnd(runId: string): Promise<string>;
}
