import { Module } from '@nestjs/common';
import { ApiHttpModule } from '../http/api-http.module';
import { RunsModule } from '../runs/runs.module';
import { IdentityModule } from '../users/identity.module';
import { COLLECTION_PLAN_STORE_PROVIDER } from './collection-plan-store.provider';
import { CollectionPlanViews } from './collection-plan-views';
import { ManagePlansHttpController } from './manage-plans/manage-plans.http.controller';
import { PlanSchedules } from './manage-plans/plan-schedules';
import { PlanRunsQueries } from './plan-runs.queries';
import { PostgresPlanRunsQueries } from './postgres-plan-runs.queries';
import { ReadPlansHttpController } from './read-plans/read-plans.http.controller';
import { RunPlanHttpController } from './run-plan/run-plan.http.controller';

/**
 * Collection plans over REST (`/api/collection-plans`): stored in the inventory, each with at most one schedule
 * (through the scheduler's commands), run as runs of the built-in job `collection.CollectFacts`.
 */
@Module({
  imports: [ApiHttpModule, IdentityModule, RunsModule],
  controllers: [ReadPlansHttpController, ManagePlansHttpController, RunPlanHttpController],
  providers: [COLLECTION_PLAN_STORE_PROVIDER, CollectionPlanViews, PlanSchedules, { provide: PlanRunsQueries, useClass: PostgresPlanRunsQueries }],
})
export class CollectionPlansModule {}
