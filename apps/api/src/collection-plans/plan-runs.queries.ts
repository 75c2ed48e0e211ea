import type { StoredCollectionPlan } from '@yardmaster/inventory';
import type { JobRunRecord } from '@yardmaster/read-models';

/** A plan's last run: its id, and its record in the run read model (null while the projection has not written it yet). */
export interface PlanLastRun {
  readonly id: string;
  readonly record: JobRunRecord | null;
}

/** What the plan routes read of runs. Abstract, so that a unit test runs on a fake and only the Postgres class knows the read model. */
export abstract class PlanRunsQueries {
  /**
   * The plan's newest run, however it was started (its route, its schedule, the job's own route): a run of the
   * collection job whose data names the plan. A run the plan's route recorded but the read model does not hold
   * yet is newer than any it holds.
   */
  abstract lastRunOf(plan: StoredCollectionPlan): Promise<PlanLastRun | null>;

  /** A run of the plan by id, or null when there is none (or it is another plan's, or not a plan run). */
  abstract runOf(plan: StoredCollectionPlan, runId: string): Promise<JobRunRecord | null>;
}
