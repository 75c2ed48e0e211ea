import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COLLECT_FACTS_JOB_ID, isUuid } from '@yardmaster/contracts';
import type { StoredCollectionPlan } from '@yardmaster/inventory';
import { DataSource, JobRunRecord, READ_MODELS } from '@yardmaster/read-models';
import { PlanRunsQueries, type PlanLastRun } from './plan-runs.queries';

/** Plan runs from the projection's `job_runs`: runs of the collection job whose data's `plan.planId` is the plan's. */
@Injectable()
export class PostgresPlanRunsQueries extends PlanRunsQueries {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {
    super();
  }

  async lastRunOf(plan: StoredCollectionPlan): Promise<PlanLastRun | null> {
    const newest = await this.runsOf(plan).orderBy('run.createdAt', 'DESC').addOrderBy('run.id', 'DESC').limit(1).getOne();
    if (plan.lastRunId !== null && newest?.id !== plan.lastRunId) {
      const recorded = await this.runsOf(plan).andWhere('run.id = :id', { id: plan.lastRunId }).getOne();
      if (!recorded) return { id: plan.lastRunId, record: null };
    }
    return newest ? { id: newest.id, record: newest } : null;
  }

  async runOf(plan: StoredCollectionPlan, runId: string): Promise<JobRunRecord | null> {
    if (!isUuid(runId)) return null;
    return this.runsOf(plan).andWhere('run.id = :runId', { runId }).getOne();
  }

  private runsOf(plan: StoredCollectionPlan) {
    // A query builder, because TypeORM's typed `where` recurses without end through the jsonb column types. The job
    // id is written out, not a parameter: it is what the partial index job_runs_plan_id_idx is kept for.
    return this.dataSource
      .getRepository(JobRunRecord)
      .createQueryBuilder('run')
      .where(`run.jobId = '${COLLECT_FACTS_JOB_ID}'`)
      .andWhere("run.data -> 'plan' ->> 'planId' = :planId", { planId: plan.id });
  }
}
