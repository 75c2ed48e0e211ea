import { Entity } from 'typeorm';
import { CreatedAt, NullableInteger, NullableUuid, TextColumn, TimestampColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';

/** One entry of a device's MAC address table. */
@Entity({ name: 'inventory_mac_entries' })
export class MacEntryRecord {
  @UuidPrimaryKey()
  id!: string;

  @UuidColumn('device_id')
  deviceId!: string;

  @NullableUuid('interface_id')
  interfaceId!: string | null;

  @NullableInteger()
  vlan!: number | null;

  @TextColumn()
  mac!: string;

  @TimestampColumn('last_seen')
  lastSeen!: Date;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
