import type { CollectionPlanView } from '@yardmaster/contracts';
import type { StoredCollectionPlan } from '@yardmaster/inventory';
import type { PlanLastRun } from './plan-runs.queries';
import { planStatusOf } from './plan-status';

/** A plan as the API answers it: its status and last run read from the run read model. */
export function collectionPlanView(plan: StoredCollectionPlan, lastRun: PlanLastRun | null): CollectionPlanView {
  return {
    ...plan,
    lastRunId: lastRun?.id ?? null,
    status: planStatusOf(lastRun === null ? null : (lastRun.record ?? 'unprojected')),
  };
}
