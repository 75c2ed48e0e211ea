import { Entity } from 'typeorm';
import { CreatedAt, JsonColumn, TextColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { DeviceStatus, ManagementSettings } from '@yardmaster/contracts';

/** A device; its tags are rows of `inventory_device_tags`. */
@Entity({ name: 'inventory_devices' })
export class DeviceRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn()
  name!: string;

  @UuidColumn({ name: 'site_id' })
  siteId!: string;

  @UuidColumn({ name: 'role_id' })
  roleId!: string;

  @UuidColumn({ name: 'platform_id', nullable: true })
  platformId!: string | null;

  @TextColumn()
  status!: DeviceStatus;

  /** Canonical `address/prefixLength` text, as the SDK's IP parser writes it. */
  @TextColumn({ name: 'primary_address', nullable: true })
  primaryAddress!: string | null;

  @JsonColumn({ nullable: true })
  management!: ManagementSettings | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
