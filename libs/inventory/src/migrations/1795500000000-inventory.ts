import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inventory: sites, device roles, platforms, tags, devices and the tags on devices.
 *
 * Names are unique regardless of case (`AMS1` and `ams1` would be the same site to a person), a device's name
 * only within its site. Slugs are lower-case already. A site, role or platform that devices use cannot be
 * deleted (RESTRICT); a tag can, and leaves its devices. Statuses are not constrained here: the list lives in
 * the contracts, and growing it must not need a migration.
 */
export class Inventory1795500000000 implements MigrationInterface {
  name = 'Inventory1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, extraColumn] of NAMED_TABLES) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY,
          name text NOT NULL,
          slug text NOT NULL,
          ${extraColumn},
          description text NOT NULL DEFAULT '',
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT ${table}_slug_key UNIQUE (slug)
        )`);
      await queryRunner.query(`CREATE UNIQUE INDEX ${table}_name_key ON ${table} (lower(name))`);
    }
    await queryRunner.query(`
      CREATE TABLE inventory_devices (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        site_id uuid NOT NULL CONSTRAINT inventory_devices_site_id_fkey REFERENCES inventory_sites (id) ON DELETE RESTRICT,
        role_id uuid NOT NULL CONSTRAINT inventory_devices_role_id_fkey REFERENCES inventory_device_roles (id) ON DELETE RESTRICT,
        platform_id uuid CONSTRAINT inventory_devices_platform_id_fkey REFERENCES inventory_platforms (id) ON DELETE RESTRICT,
        status text NOT NULL,
        primary_address text,
        management jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_devices_site_name_key ON inventory_devices (site_id, lower(name))`);
    await queryRunner.query(`CREATE INDEX inventory_devices_role_id_idx ON inventory_devices (role_id)`);
    await queryRunner.query(`CREATE INDEX inventory_devices_platform_id_idx ON inventory_devices (platform_id)`);
    await queryRunner.query(`CREATE INDEX inventory_devices_name_idx ON inventory_devices (name, id)`);
    await queryRunner.query(`
      CREATE TABLE inventory_device_tags (
        device_id uuid NOT NULL REFERENCES inventory_devices (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES inventory_tags (id) ON DELETE CASCADE,
        PRIMARY KEY (device_id, tag_id)
      )`);
    await queryRunner.query(`CREATE INDEX inventory_device_tags_tag_id_idx ON inventory_device_tags (tag_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inventory_device_tags`);
    await queryRunner.query(`DROP TABLE inventory_devices`);
    for (const [table] of [...NAMED_TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}

const NAMED_TABLES: ReadonlyArray<readonly [table: string, extraColumn: string]> = [
  ['inventory_sites', 'status text NOT NULL'],
  ['inventory_device_roles', 'color text NOT NULL'],
  ['inventory_platforms', "network_driver text NOT NULL DEFAULT ''"],
  ['inventory_tags', 'color text NOT NULL'],
];
