import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules as the scheduler last published them (`schedule.changed`), and the link from a run to the schedule
 * that started it.
 *
 * A schedule's row keeps the snapshot applied last, with its stream position, so an older snapshot never
 * replaces a newer one. A deleted schedule keeps its row (`deleted_at` set), so its past runs keep their link;
 * its key is unique only among schedules not deleted, so a new schedule may take it again. `total_runs` and
 * `last_run_*` are kept by the run projector as the schedule's runs are requested and change status.
 */
export class Schedules1795481745933 implements MigrationInterface {
  name = 'Schedules1795481745933';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE schedules (
        id text PRIMARY KEY,
        key text NOT NULL,
        job_id text NOT NULL,
        definition jsonb NOT NULL,
        state text NOT NULL,
        paused_reason text,
        next_run_times jsonb NOT NULL DEFAULT '[]',
        last_run_id uuid,
        last_run_status text,
        last_run_at timestamptz,
        total_runs integer NOT NULL DEFAULT 0,
        snapshot_position bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX schedules_key_live_idx ON schedules (key) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX schedules_job_id_idx ON schedules (job_id, key) WHERE deleted_at IS NULL`);
    await queryRunner.query(`ALTER TABLE job_runs ADD COLUMN schedule_id text`);
    await queryRunner.query(`CREATE INDEX job_runs_schedule_id_idx ON job_runs (schedule_id, created_at) WHERE schedule_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX job_runs_schedule_id_idx`);
    await queryRunner.query(`ALTER TABLE job_runs DROP COLUMN schedule_id`);
    await queryRunner.query(`DROP TABLE schedules`);
  }
}
