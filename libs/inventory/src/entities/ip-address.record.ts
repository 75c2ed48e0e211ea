import { Entity } from 'typeorm';
import { CreatedAt, NullableUuid, TextColumn, UpdatedAt, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { IpAddressStatus } from '@yardmaster/contracts';

@Entity({ name: 'inventory_ip_addresses' })
export class IpAddressRecord {
  @UuidPrimaryKey()
  id!: string;

  /** Canonical `address/prefixLength` text. */
  @TextColumn()
  address!: string;

  @TextColumn()
  vrf!: string;

  @TextColumn()
  status!: IpAddressStatus;

  @NullableUuid('interface_id')
  interfaceId!: string | null;

  @TextColumn('dns_name')
  dnsName!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
