import { Entity } from 'typeorm';
import { CreatedAt, NullableJson, NullableText, NullableUuid, TextColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { DeviceStatus, ManagementSettings } from '@yardmaster/contracts';

/** A device; its tags are rows of `inventory_device_tags`. */
@Entity({ name: 'inventory_devices' })
export class DeviceRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn()
  name!: string;

  @UuidColumn('site_id')
  siteId!: string;

  @UuidColumn('role_id')
  roleId!: string;

  @NullableUuid('platform_id')
  platformId!: string | null;

  @TextColumn()
  status!: DeviceStatus;

  /** Canonical `address/prefixLength` text, as the SDK's IP parser writes it. */
  @NullableText('primary_address')
  primaryAddress!: string | null;

  @NullableJson()
  management!: ManagementSettings | null;

  /** `management.credentialsRef` again, for the foreign key to credential sets (a check keeps the two equal). */
  @NullableText('credentials_ref')
  credentialsRef!: string | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
