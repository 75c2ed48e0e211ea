/**
 * The inventory entities map the schema the migrations build. Against a freshly migrated database of its own,
 * TypeORM's schema builder may only want to drop what the migrations alone declare (foreign keys, indexes, check
 * constraints, unique keys and defaults the entities leave to the database); a column decorator that maps a type,
 * name, nullability, default or key differently from the migrations adds a statement here and fails the test.
 */
import { createEmptyTestDatabase } from '@yardmaster/testing-core';
import { schemaDriftAfterMigrations } from '@yardmaster/database';
import { createInventoryDataSource } from '../data-source';

jest.setTimeout(30_000);

/** What only the migrations declare, as the schema builder would drop it (sorted). */
const ONLY_IN_MIGRATIONS = [
  `ALTER TABLE "inventory_credential_sets" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_credential_sets" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_credential_sets" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_credential_sets" DROP CONSTRAINT "inventory_credential_sets_name_ref_key"`,
  `ALTER TABLE "inventory_device_roles" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_device_roles" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_device_roles" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_device_roles" DROP CONSTRAINT "inventory_device_roles_slug_key"`,
  `ALTER TABLE "inventory_device_tags" DROP CONSTRAINT "inventory_device_tags_device_id_fkey"`,
  `ALTER TABLE "inventory_device_tags" DROP CONSTRAINT "inventory_device_tags_tag_id_fkey"`,
  `ALTER TABLE "inventory_devices" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_devices" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_devices" DROP CONSTRAINT "inventory_devices_credentials_ref_check"`,
  `ALTER TABLE "inventory_devices" DROP CONSTRAINT "inventory_devices_credentials_ref_fkey"`,
  `ALTER TABLE "inventory_devices" DROP CONSTRAINT "inventory_devices_platform_id_fkey"`,
  `ALTER TABLE "inventory_devices" DROP CONSTRAINT "inventory_devices_role_id_fkey"`,
  `ALTER TABLE "inventory_devices" DROP CONSTRAINT "inventory_devices_site_id_fkey"`,
  `ALTER TABLE "inventory_platforms" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_platforms" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_platforms" ALTER COLUMN "network_driver" DROP DEFAULT`,
  `ALTER TABLE "inventory_platforms" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_platforms" DROP CONSTRAINT "inventory_platforms_slug_key"`,
  `ALTER TABLE "inventory_sites" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_sites" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_sites" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_sites" DROP CONSTRAINT "inventory_sites_slug_key"`,
  `ALTER TABLE "inventory_tags" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_tags" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_tags" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_tags" DROP CONSTRAINT "inventory_tags_slug_key"`,
  `DROP INDEX "public"."inventory_device_tags_tag_id_idx"`,
  `DROP INDEX "public"."inventory_devices_credentials_ref_idx"`,
  `DROP INDEX "public"."inventory_devices_name_idx"`,
  `DROP INDEX "public"."inventory_devices_platform_id_idx"`,
  `DROP INDEX "public"."inventory_devices_role_id_idx"`,
  `DROP INDEX "public"."inventory_devices_site_name_key"`,
];

describe('inventory entities', () => {
  it('differ from the migrated schema only by what the migrations alone declare', async () => {
    const db = await createEmptyTestDatabase();
    try {
      await expect(schemaDriftAfterMigrations(createInventoryDataSource(db.url, 'inventory-schema-tests'))).resolves.toEqual(ONLY_IN_MIGRATIONS);
    } finally {
      await db.drop();
    }
  });
});
