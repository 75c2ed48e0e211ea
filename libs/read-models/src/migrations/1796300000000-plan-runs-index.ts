import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A collection plan's status is its newest run: a run of `collection.CollectFacts` whose data names the plan
 * (`data.plan.planId`). Without this index, finding it scans the job's runs newest first until one names the plan:
 * every run of every other plan, for one that has not run for a while. Partial: only plan runs are indexed.
 */
export class PlanRunsIndex1796300000000 implements MigrationInterface {
  name = 'PlanRunsIndex1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX job_runs_plan_id_idx ON job_runs ((data -> 'plan' ->> 'planId'), created_at) WHERE job_id = 'collection.CollectFacts'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX job_runs_plan_id_idx`);
  }
}
