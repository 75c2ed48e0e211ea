import { Entity } from 'typeorm';
import { CreatedAt, NullableBigint, NullableJson, NullableText, NullableTimestamp, NullableUuid, TextColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';
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

  /** The out-of-band address, in the same canonical text. */
  @NullableText('oob_address')
  oobAddress!: string | null;

  @NullableJson()
  management!: ManagementSettings | null;

  /** `management.credentialsRef` again, for the foreign key to credential sets (a check keeps the two equal). */
  @NullableText('credentials_ref')
  credentialsRef!: string | null;

  // Device facts: written by collection plans (`recordDeviceFacts`), never by a create or patch.
  @NullableText()
  vendor!: string | null;

  @NullableText()
  model!: string | null;

  @NullableText()
  serial!: string | null;

  @NullableText('os_version')
  osVersion!: string | null;

  @NullableText()
  hostname!: string | null;

  /** Seconds; a bigint, so Postgres hands it back as text. */
  @NullableBigint()
  uptime!: string | null;

  @NullableTimestamp('last_collected_at')
  lastCollectedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
