import { Entity } from 'typeorm';
import { TextColumn, TimestampColumn, UuidPrimaryKey } from '@yardmaster/record-columns';

/** The SSH host key pinned for one device: its algorithm and SHA256 fingerprint, never the key's other bytes. */
@Entity({ name: 'inventory_device_host_keys' })
export class DeviceHostKeyRecord {
  @UuidPrimaryKey('device_id')
  deviceId!: string;

  @TextColumn()
  algorithm!: string;

  @TextColumn()
  fingerprint!: string;

  @TimestampColumn('recorded_at')
  recordedAt!: Date;
}
