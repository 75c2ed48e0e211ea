import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the run lifecycle events add to a run: the latest attempt of each step, the latest progress report
 * (with its stream position, so an older report never replaces a newer one), who asked to cancel it and
 * when, and who cancelled it. The partial index serves the live-runs query: runs not yet ended, by how long
 * they have been quiet.
 */
export class RunLifecycleColumns1795480385912 implements MigrationInterface {
  name = 'RunLifecycleColumns1795480385912';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE job_runs
        ADD COLUMN steps jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN progress jsonb,
        ADD COLUMN progress_position bigint,
        ADD COLUMN cancel_requested_by text,
        ADD COLUMN cancel_requested_at timestamptz,
        ADD COLUMN cancelled_by text`);
    await queryRunner.query(`CREATE INDEX job_runs_live_idx ON job_runs (updated_at) WHERE status_rank < 4`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX job_runs_live_idx`);
    await queryRunner.query(`
      ALTER TABLE job_runs
        DROP COLUMN cancelled_by,
        DROP COLUMN cancel_requested_at,
        DROP COLUMN cancel_requested_by,
        DROP COLUMN progress_position,
        DROP COLUMN progress,
        DROP COLUMN steps`);
  }
}
