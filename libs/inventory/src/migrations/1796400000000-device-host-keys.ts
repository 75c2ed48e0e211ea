import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SSH host key pinned for each device: the first key a device showed (trust on first use). The SSH driver
 * refuses another key until an operator forgets this one. The row goes with its device.
 */
export class DeviceHostKeys1796400000000 implements MigrationInterface {
  name = 'DeviceHostKeys1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inventory_device_host_keys (
        device_id uuid PRIMARY KEY,
        algorithm text NOT NULL,
        fingerprint text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inventory_device_host_keys_device_id_fkey FOREIGN KEY (device_id) REFERENCES inventory_devices (id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inventory_device_host_keys`);
  }
}
