import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * netbox_facts' `connection_target`: a device's out-of-band address beside its primary one (same canonical text,
 * checked by the inventory's rules, not here), and which of the two a collection plan's runs dial. Existing plans
 * keep dialling the primary address. The target's values are checked by the contracts' schema, as the plan's other
 * lists are: growing the list must not need a migration.
 */
export class ConnectionTargets1796410000000 implements MigrationInterface {
  name = 'ConnectionTargets1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inventory_devices ADD COLUMN oob_address text`);
    await queryRunner.query(`ALTER TABLE collection_plans ADD COLUMN connection_target text NOT NULL DEFAULT 'primary'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE collection_plans DROP COLUMN connection_target`);
    await queryRunner.query(`ALTER TABLE inventory_devices DROP COLUMN oob_address`);
  }
}
