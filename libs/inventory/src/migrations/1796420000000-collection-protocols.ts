import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a collection plan's runs ask each device: SNMP (every plan so far) or SSH. The values are checked by the
 * contracts' schema, as the plan's other lists are.
 */
export class CollectionProtocols1796420000000 implements MigrationInterface {
  name = 'CollectionProtocols1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE collection_plans ADD COLUMN protocol text NOT NULL DEFAULT 'snmp'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE collection_plans DROP COLUMN protocol`);
  }
}
