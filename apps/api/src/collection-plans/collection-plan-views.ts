import { Injectable } from '@nestjs/common';
import type { CollectionPlanView } from '@yardmaster/contracts';
import type { StoredCollectionPlan } from '@yardmaster/inventory';
import { collectionPlanView } from './collection-plan.view';
import { PlanRunsQueries } from './plan-runs.queries';

/** Plans as answered: each with the status of its last run. */
@Injectable()
export class CollectionPlanViews {
  constructor(private readonly runs: PlanRunsQueries) {}

  async of(plan: StoredCollectionPlan): Promise<CollectionPlanView> {
    return collectionPlanView(plan, await this.runs.lastRunOf(plan));
  }

  /** One page's plans, their last runs read one after another: a page is small, and the pool is shared. */
  async ofAll(plans: readonly StoredCollectionPlan[]): Promise<CollectionPlanView[]> {
    const views: CollectionPlanView[] = [];
    for (const plan of plans) views.push(await this.of(plan));
    return views;
  }
}
