/**
 * The read-models entities map the schema the migrations build. Against a freshly migrated database of its own,
 * TypeORM's schema builder may only want to drop what the migrations alone declare (foreign keys, indexes, check
 * constraints, unique keys and defaults the entities leave to the database); a column decorator that maps a type,
 * name, nullability, default or key differently from the migrations adds a statement here and fails the test.
 */
import { createEmptyTestDatabase } from '@yardmaster/testing-core';
import { schemaDriftAfterMigrations } from '@yardmaster/database';
import { createReadModelDataSource } from '../data-source';

jest.setTimeout(30_000);

/** What only the migrations declare, as the schema builder would drop it (sorted). */
const ONLY_IN_MIGRATIONS = [
  `ALTER TABLE "applied_events" ALTER COLUMN "applied_at" DROP DEFAULT`,
  `ALTER TABLE "audit_entries" ALTER COLUMN "details" DROP DEFAULT`,
  `ALTER TABLE "audit_entries" ALTER COLUMN "recorded_at" DROP DEFAULT`,
  `ALTER TABLE "facts_report_entries" DROP CONSTRAINT "facts_report_entries_report_id_fkey"`,
  `ALTER TABLE "job_definitions" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "job_definitions" ALTER COLUMN "enabled" DROP DEFAULT`,
  `ALTER TABLE "job_definitions" ALTER COLUMN "overrides" DROP DEFAULT`,
  `ALTER TABLE "job_definitions" ALTER COLUMN "policies" DROP DEFAULT`,
  `ALTER TABLE "job_runs" ALTER COLUMN "attempt" DROP DEFAULT`,
  `ALTER TABLE "job_runs" ALTER COLUMN "failure_count" DROP DEFAULT`,
  `ALTER TABLE "schedules" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "schedules" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `DROP INDEX "public"."audit_entries_action_idx"`,
  `DROP INDEX "public"."audit_entries_actor_idx"`,
  `DROP INDEX "public"."audit_entries_occurred_at_idx"`,
  `DROP INDEX "public"."audit_entries_target_idx"`,
  `DROP INDEX "public"."facts_report_entries_action_idx"`,
  `DROP INDEX "public"."facts_report_entries_device_idx"`,
  `DROP INDEX "public"."facts_report_entries_order_idx"`,
  `DROP INDEX "public"."facts_report_entries_status_idx"`,
  `DROP INDEX "public"."facts_reports_opened_at_idx"`,
  `DROP INDEX "public"."facts_reports_plan_idx"`,
  `DROP INDEX "public"."facts_reports_run_idx"`,
  `DROP INDEX "public"."facts_reports_status_idx"`,
  `DROP INDEX "public"."job_runs_plan_id_idx"`,
  `DROP INDEX "public"."job_runs_requested_by_idx"`,
  `DROP INDEX "public"."job_runs_run_as_idx"`,
];

describe('read model entities', () => {
  it('differ from the migrated schema only by what the migrations alone declare', async () => {
    const db = await createEmptyTestDatabase();
    try {
      await expect(schemaDriftAfterMigrations(createReadModelDataSource(db.url, 'read-models-schema-tests'))).resolves.toEqual(ONLY_IN_MIGRATIONS);
    } finally {
      await db.drop();
    }
  });
});
