import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Administrators' overrides of a job, kept apart from the announced definition so a reload keeps them. */
export class JobOverrides1795490000000 implements MigrationInterface {
  name = 'JobOverrides1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_definitions ADD COLUMN overrides jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE job_definitions ADD COLUMN enabled boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE job_definitions ADD COLUMN overrides_position bigint`);
    // The announced timeouts, retry policy and concurrency rule, which overrides apply to.
    await queryRunner.query(`ALTER TABLE job_definitions ADD COLUMN policies jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_definitions DROP COLUMN policies`);
    await queryRunner.query(`ALTER TABLE job_definitions DROP COLUMN overrides_position`);
    await queryRunner.query(`ALTER TABLE job_definitions DROP COLUMN enabled`);
    await queryRunner.query(`ALTER TABLE job_definitions DROP COLUMN overrides`);
  }
}
