import type { DataSource } from 'typeorm';
import { DeviceHostKeyRecord } from './device-host-key.record';

/** A device's pinned SSH host key. */
export interface DeviceHostKey {
  readonly algorithm: string;
  readonly fingerprint: string;
  readonly recordedAt: Date;
}

/**
 * Pinned SSH host keys in `inventory_device_host_keys`, one per device. It fits `@yardmaster/ssh`'s `HostKeyStore`
 * (find, record) for the collector; the API forgets a key when an operator accepts a device's new one.
 */
export class DeviceHostKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(deviceId: string): Promise<DeviceHostKey | null> {
    const record = await this.dataSource.getRepository(DeviceHostKeyRecord).findOneBy({ deviceId });
    return record ? keyOf(record) : null;
  }

  /** Keeps the first key recorded: of two first connections at once, the later insert does nothing and reads the winner. */
  async record(deviceId: string, key: { readonly algorithm: string; readonly fingerprint: string }): Promise<DeviceHostKey> {
    await this.dataSource.query(
      `INSERT INTO inventory_device_host_keys (device_id, algorithm, fingerprint, recorded_at) VALUES ($1, $2, $3, now()) ON CONFLICT (device_id) DO NOTHING`,
      [deviceId, key.algorithm, key.fingerprint],
    );
    const pinned = await this.find(deviceId);
    // Only a device deleted in between leaves nothing: its key went with it.
    if (!pinned) throw new Error(`The host key of device ${deviceId} could not be recorded: the device no longer exists`);
    return pinned;
  }

  /** Forgets the device's key, so that its next connection records the key it then shows; answers what was pinned. */
  async forget(deviceId: string): Promise<DeviceHostKey | null> {
    const [rows] = (await this.dataSource.query(`DELETE FROM inventory_device_host_keys WHERE device_id = $1 RETURNING algorithm, fingerprint, recorded_at`, [deviceId])) as [
      Array<{ algorithm: string; fingerprint: string; recorded_at: Date }>,
      number,
    ];
    const row = rows[0];
    return row ? { algorithm: row.algorithm, fingerprint: row.fingerprint, recordedAt: row.recorded_at } : null;
  }
}

function keyOf(record: DeviceHostKeyRecord): DeviceHostKey {
  return { algorithm: record.algorithm, fingerprint: record.fingerprint, recordedAt: record.recordedAt };
}
