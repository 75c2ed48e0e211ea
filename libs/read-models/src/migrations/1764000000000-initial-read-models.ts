import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialReadModels1764000000000 implements MigrationInterface {
  name = 'InitialReadModels1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_definitions (
        id text PRIMARY KEY,
        module text NOT NULL,
        class_name text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        grouping text NOT NULL,
        variables jsonb NOT NULL,
        schema jsonb NOT NULL,
        steps jsonb NOT NULL,
        installed boolean NOT NULL,
        catalog_position bigint NOT NULL,
        announced_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE job_runs (
        id uuid PRIMARY KEY,
        job_id text NOT NULL,
        job_name text,
        status text NOT NULL,
        status_rank smallint NOT NULL,
        data jsonb,
        commit boolean,
        queue text,
        requested_by text,
        workflow_id text NOT NULL,
        attempt integer NOT NULL DEFAULT 1,
        result jsonb,
        error jsonb,
        failure_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX job_runs_created_at_idx ON job_runs (created_at)`);
    await queryRunner.query(`CREATE INDEX job_runs_job_id_idx ON job_runs (job_id, created_at)`);
    await queryRunner.query(`CREATE INDEX job_runs_status_idx ON job_runs (status, created_at)`);
    await queryRunner.query(`
      CREATE TABLE job_log_entries (
        id text PRIMARY KEY,
        run_id uuid NOT NULL,
        position bigint NOT NULL,
        level text NOT NULL,
        grouping text NOT NULL,
        message text NOT NULL,
        object jsonb,
        attempt integer NOT NULL,
        logged_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX job_log_entries_run_position_idx ON job_log_entries (run_id, position)`);
    await queryRunner.query(`
      CREATE TABLE applied_events (
        event_id text PRIMARY KEY,
        stream text NOT NULL,
        stream_sequence bigint NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE applied_events`);
    await queryRunner.query(`DROP TABLE job_log_entries`);
    await queryRunner.query(`DROP TABLE job_runs`);
    await queryRunner.query(`DROP TABLE job_definitions`);
  }
}
