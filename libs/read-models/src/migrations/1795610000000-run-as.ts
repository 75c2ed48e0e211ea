import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whom a run acts as (`run_as`), and whom a schedule's runs act as (its owner); both own the run. */
export class RunAs1795610000000 implements MigrationInterface {
  name = 'RunAs1795610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_runs ADD COLUMN run_as text`);
    // "My runs" is requested_by = me OR run_as = me: each side of the OR has an index.
    await queryRunner.query(`CREATE INDEX job_runs_run_as_idx ON job_runs (run_as, created_at) WHERE run_as IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS job_runs_requested_by_idx ON job_runs (requested_by, created_at)`);
    await queryRunner.query(`ALTER TABLE schedules ADD COLUMN owner text`);
    await queryRunner.query(`UPDATE schedules SET owner = definition->>'owner'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE schedules DROP COLUMN owner`);
    await queryRunner.query(`DROP INDEX IF EXISTS job_runs_requested_by_idx`);
    await queryRunner.query(`DROP INDEX job_runs_run_as_idx`);
    await queryRunner.query(`ALTER TABLE job_runs DROP COLUMN run_as`);
  }
}
