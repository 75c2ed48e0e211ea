import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Collection plans. Names are unique regardless of case, as the inventory's. A plan's credential set is guarded
 * as a device's is: a set that a plan names cannot be deleted or renamed (RESTRICT), whoever writes; the
 * credential set store says so first with CREDENTIAL_SET_IN_USE. Collector types, priority and the filter are
 * checked by the contracts' schema, not here: growing a list must not need a migration.
 */
export class CollectionPlans1796300000000 implements MigrationInterface {
  name = 'CollectionPlans1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE collection_plans (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        enabled boolean NOT NULL,
        priority text NOT NULL,
        run_as text,
        collector_types jsonb NOT NULL,
        credentials_ref text,
        filter jsonb NOT NULL,
        interval_minutes integer,
        detect_only boolean NOT NULL,
        device_timeout_seconds integer NOT NULL,
        run_timeout_seconds integer NOT NULL,
        devices_at_once integer NOT NULL,
        device_retry jsonb NOT NULL,
        last_run_id uuid,
        schedule_id text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collection_plans_credentials_ref_fkey
          FOREIGN KEY (credentials_ref) REFERENCES inventory_credential_sets (name) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT collection_plans_interval_minutes_check CHECK (interval_minutes IS NULL OR interval_minutes >= 1)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX collection_plans_name_key ON collection_plans (lower(name))`);
    await queryRunner.query(`CREATE INDEX collection_plans_credentials_ref_idx ON collection_plans (credentials_ref)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE collection_plans`);
  }
}
