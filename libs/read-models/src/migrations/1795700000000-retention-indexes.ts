import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for retention and for run listings at a million runs. The pruning job finds applied-event records by
 * age, in batches (ended runs it finds through job_runs_created_at_idx, audit entries through
 * audit_entries_occurred_at_idx). `GET /api/runs?jobId=…&status=…` read every run of that status to find none of
 * that job (23 ms at 5,000 running runs): one index on both answers it from the first entry.
 */
export class RetentionIndexes1795700000000 implements MigrationInterface {
  name = 'RetentionIndexes1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX applied_events_applied_at_idx ON applied_events (applied_at)`);
    await queryRunner.query(`CREATE INDEX job_runs_job_status_idx ON job_runs (job_id, status, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX job_runs_job_status_idx`);
    await queryRunner.query(`DROP INDEX applied_events_applied_at_idx`);
  }
}
