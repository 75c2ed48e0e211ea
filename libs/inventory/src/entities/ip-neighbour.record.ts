import { Entity } from 'typeorm';
import { CreatedAt, NullableUuid, TextColumn, TimestampColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';

/** An ARP (IPv4) or NDP (IPv6) entry. */
@Entity({ name: 'inventory_ip_neighbours' })
export class IpNeighbourRecord {
  @UuidPrimaryKey()
  id!: string;

  @UuidColumn('device_id')
  deviceId!: string;

  @NullableUuid('interface_id')
  interfaceId!: string | null;

  @TextColumn()
  ip!: string;

  @TextColumn()
  mac!: string;

  @TextColumn()
  vrf!: string;

  @TimestampColumn('last_seen')
  lastSeen!: Date;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
