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
  `ALTER TABLE "collection_plans" ALTER COLUMN "connection_target" DROP DEFAULT`,
  `ALTER TABLE "collection_plans" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "collection_plans" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "collection_plans" ALTER COLUMN "protocol" DROP DEFAULT`,
  `ALTER TABLE "collection_plans" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "collection_plans" DROP CONSTRAINT "collection_plans_credentials_ref_fkey"`,
  `ALTER TABLE "collection_plans" DROP CONSTRAINT "collection_plans_interval_minutes_check"`,
  `ALTER TABLE "inventory_credential_sets" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_credential_sets" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_credential_sets" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_credential_sets" DROP CONSTRAINT "inventory_credential_sets_name_ref_key"`,
  `ALTER TABLE "inventory_device_host_keys" ALTER COLUMN "recorded_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_device_host_keys" DROP CONSTRAINT "inventory_device_host_keys_device_id_fkey"`,
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
  `ALTER TABLE "inventory_interfaces" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_interfaces" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_interfaces" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_interfaces" DROP CONSTRAINT "inventory_interfaces_device_id_fkey"`,
  `ALTER TABLE "inventory_ip_addresses" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_addresses" ALTER COLUMN "dns_name" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_addresses" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_addresses" ALTER COLUMN "vrf" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_addresses" DROP CONSTRAINT "inventory_ip_addresses_interface_id_fkey"`,
  `ALTER TABLE "inventory_ip_neighbours" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_neighbours" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_neighbours" ALTER COLUMN "vrf" DROP DEFAULT`,
  `ALTER TABLE "inventory_ip_neighbours" DROP CONSTRAINT "inventory_ip_neighbours_device_id_fkey"`,
  `ALTER TABLE "inventory_ip_neighbours" DROP CONSTRAINT "inventory_ip_neighbours_interface_id_fkey"`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "description" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "firmware_version" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "part_id" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "serial" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "software_version" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_items" DROP CONSTRAINT "inventory_items_device_id_fkey"`,
  `ALTER TABLE "inventory_lldp_neighbours" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_lldp_neighbours" ALTER COLUMN "remote_system_name" DROP DEFAULT`,
  `ALTER TABLE "inventory_lldp_neighbours" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_lldp_neighbours" DROP CONSTRAINT "inventory_lldp_neighbours_device_id_fkey"`,
  `ALTER TABLE "inventory_lldp_neighbours" DROP CONSTRAINT "inventory_lldp_neighbours_interface_id_fkey"`,
  `ALTER TABLE "inventory_lldp_neighbours" DROP CONSTRAINT "inventory_lldp_neighbours_remote_device_id_fkey"`,
  `ALTER TABLE "inventory_lldp_neighbours" DROP CONSTRAINT "inventory_lldp_neighbours_remote_interface_id_fkey"`,
  `ALTER TABLE "inventory_mac_entries" ALTER COLUMN "created_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_mac_entries" ALTER COLUMN "updated_at" DROP DEFAULT`,
  `ALTER TABLE "inventory_mac_entries" DROP CONSTRAINT "inventory_mac_entries_device_id_fkey"`,
  `ALTER TABLE "inventory_mac_entries" DROP CONSTRAINT "inventory_mac_entries_interface_id_fkey"`,
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
  `DROP INDEX "public"."collection_plans_credentials_ref_idx"`,
  `DROP INDEX "public"."inventory_device_tags_tag_id_idx"`,
  `DROP INDEX "public"."inventory_devices_credentials_ref_idx"`,
  `DROP INDEX "public"."inventory_devices_name_idx"`,
  `DROP INDEX "public"."inventory_devices_platform_id_idx"`,
  `DROP INDEX "public"."inventory_devices_role_id_idx"`,
  `DROP INDEX "public"."inventory_devices_site_name_key"`,
  `DROP INDEX "public"."inventory_interfaces_mac_address_idx"`,
  `DROP INDEX "public"."inventory_interfaces_name_key"`,
  `DROP INDEX "public"."inventory_ip_addresses_address_key"`,
  `DROP INDEX "public"."inventory_ip_addresses_interface_id_idx"`,
  `DROP INDEX "public"."inventory_ip_neighbours_interface_id_idx"`,
  `DROP INDEX "public"."inventory_ip_neighbours_ip_key"`,
  `DROP INDEX "public"."inventory_ip_neighbours_mac_idx"`,
  `DROP INDEX "public"."inventory_items_name_key"`,
  `DROP INDEX "public"."inventory_items_serial_idx"`,
  `DROP INDEX "public"."inventory_lldp_neighbours_device_id_idx"`,
  `DROP INDEX "public"."inventory_lldp_neighbours_neighbour_key"`,
  `DROP INDEX "public"."inventory_lldp_neighbours_remote_device_id_idx"`,
  `DROP INDEX "public"."inventory_lldp_neighbours_remote_interface_id_idx"`,
  `DROP INDEX "public"."inventory_mac_entries_interface_id_idx"`,
  `DROP INDEX "public"."inventory_mac_entries_mac_idx"`,
  `DROP INDEX "public"."inventory_mac_entries_mac_key"`,
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
