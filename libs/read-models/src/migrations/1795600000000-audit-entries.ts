import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what: one row per event a person caused (runs, cancels, schedule changes, overrides, identity changes),
 * keyed by the event id so a redelivered event adds nothing.
 */
export class AuditEntries1795600000000 implements MigrationInterface {
  name = 'AuditEntries1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entries (
        event_id text PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        summary text NOT NULL,
        correlation_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX audit_entries_occurred_at_idx ON audit_entries (occurred_at DESC, event_id)`);
    await queryRunner.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries (actor, occurred_at DESC)`);
    // text_pattern_ops lets `action LIKE 'schedule.%'` (the prefix filter) use the index whatever the collation.
    await queryRunner.query(`CREATE INDEX audit_entries_action_idx ON audit_entries (action text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX audit_entries_target_idx ON audit_entries (target_type, target_id, occurred_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_entries`);
  }
}
