import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for retention: the pruning job finds applied-event records by age, in batches. (Ended runs it finds
 * through job_runs_created_at_idx, audit entries through audit_entries_occurred_at_idx.)
 */
export class RetentionIndexes1795700000000 implements MigrationInterface {
  name = 'RetentionIndexes1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX applied_events_applied_at_idx ON applied_events (applied_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX applied_events_applied_at_idx`);
  }
}
