import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credential sets, and the database's guard over devices that name one.
 *
 * A device names its set in `management.credentialsRef` (jsonb). `credentials_ref` holds the same name as a
 * column, so that a foreign key can guard it: a set that devices name cannot be deleted or renamed (RESTRICT),
 * whoever writes. A check keeps the column equal to the jsonb field. (Not a generated column: TypeORM's schema
 * reader then wants its own `typeorm_metadata` table.) The key is NOT VALID: devices written before credential
 * sets existed may name sets kept elsewhere; they keep their reference (an unchanged key is not re-checked) until
 * someone changes it.
 */
export class CredentialSets1796200000000 implements MigrationInterface {
  name = 'CredentialSets1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inventory_credential_sets (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        description text NOT NULL DEFAULT '',
        settings jsonb NOT NULL,
        secrets jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inventory_credential_sets_name_ref_key UNIQUE (name)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX inventory_credential_sets_name_key ON inventory_credential_sets (lower(name))`);
    await queryRunner.query(`ALTER TABLE inventory_devices ADD COLUMN credentials_ref text`);
    await queryRunner.query(`UPDATE inventory_devices SET credentials_ref = management ->> 'credentialsRef' WHERE management ->> 'credentialsRef' IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE inventory_devices ADD CONSTRAINT inventory_devices_credentials_ref_check
        CHECK (credentials_ref IS NOT DISTINCT FROM management ->> 'credentialsRef')`);
    await queryRunner.query(`
      ALTER TABLE inventory_devices ADD CONSTRAINT inventory_devices_credentials_ref_fkey
        FOREIGN KEY (credentials_ref) REFERENCES inventory_credential_sets (name) ON DELETE RESTRICT ON UPDATE RESTRICT NOT VALID`);
    await queryRunner.query(`CREATE INDEX inventory_devices_credentials_ref_idx ON inventory_devices (credentials_ref)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inventory_devices DROP COLUMN credentials_ref`);
    await queryRunner.query(`DROP TABLE inventory_credential_sets`);
  }
}
