import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts reports of plan runs, as the projection builds them from the facts stream: one row per report with its
 * counts kept as entries arrive and are resolved (a report may hold a hundred thousand entries: nothing counts
 * them on read), and one row per entry. A report's id is its run's id.
 */
export class FactsReports1796310000000 implements MigrationInterface {
  name = 'FactsReports1796310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE facts_reports (
        id text PRIMARY KEY,
        run_id text NOT NULL,
        plan_id text NOT NULL,
        plan_name text NOT NULL,
        detect_only boolean NOT NULL,
        collector_types jsonb NOT NULL DEFAULT '[]'::jsonb,
        status text NOT NULL,
        devices_total integer NOT NULL DEFAULT 0,
        devices_collected integer NOT NULL DEFAULT 0,
        devices_failed integer NOT NULL DEFAULT 0,
        failed_devices jsonb NOT NULL DEFAULT '[]'::jsonb,
        entries_total integer NOT NULL DEFAULT 0,
        entries_expected integer,
        new_entries integer NOT NULL DEFAULT 0,
        changed_entries integer NOT NULL DEFAULT 0,
        confirmed_entries integer NOT NULL DEFAULT 0,
        stale_entries integer NOT NULL DEFAULT 0,
        pending_entries integer NOT NULL DEFAULT 0,
        applied_entries integer NOT NULL DEFAULT 0,
        skipped_entries integer NOT NULL DEFAULT 0,
        failed_entries integer NOT NULL DEFAULT 0,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    // GET /api/facts-reports: newest first, alone or by plan, run or status.
    await queryRunner.query(`CREATE INDEX facts_reports_opened_at_idx ON facts_reports (opened_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX facts_reports_plan_idx ON facts_reports (plan_id, opened_at DESC)`);
    await queryRunner.query(`CREATE INDEX facts_reports_run_idx ON facts_reports (run_id)`);
    await queryRunner.query(`CREATE INDEX facts_reports_status_idx ON facts_reports (status, opened_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE facts_report_entries (
        report_id text NOT NULL REFERENCES facts_reports (id) ON DELETE CASCADE,
        id text NOT NULL,
        collector_type text NOT NULL,
        device_id text NOT NULL,
        device_name text NOT NULL,
        object_type text NOT NULL,
        key text NOT NULL,
        action text NOT NULL,
        object_id text,
        detected jsonb,
        current jsonb,
        status text NOT NULL DEFAULT 'pending',
        error_code text,
        error_message text,
        resolved_at timestamptz,
        resolved_by text,
        PRIMARY KEY (report_id, id)
      )`);
    // A report's entries are listed by device, collector and key; the filters narrow one report.
    await queryRunner.query(`CREATE INDEX facts_report_entries_order_idx ON facts_report_entries (report_id, device_name, collector_type, key, id)`);
    await queryRunner.query(`CREATE INDEX facts_report_entries_status_idx ON facts_report_entries (report_id, status)`);
    await queryRunner.query(`CREATE INDEX facts_report_entries_action_idx ON facts_report_entries (report_id, action)`);
    await queryRunner.query(`CREATE INDEX facts_report_entries_device_idx ON facts_report_entries (report_id, device_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE facts_report_entries`);
    await queryRunner.query(`DROP TABLE facts_reports`);
  }
}
