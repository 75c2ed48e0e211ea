import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeviceStatus, ManagementSettings } from '@yardmaster/contracts';

/** A device; its tags are rows of `inventory_device_tags`. */
@Entity({ name: 'inventory_devices' })
export class DeviceRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'site_id' })
  siteId!: string;

  @Column('uuid', { name: 'role_id' })
  roleId!: string;

  @Column('uuid', { name: 'platform_id', nullable: true })
  platformId!: string | null;

  @Column('text')
  status!: DeviceStatus;

  /** Canonical `address/prefixLength` text, as the SDK's IP parser writes it. */
  @Column('text', { name: 'primary_address', nullable: true })
  primaryAddress!: string | null;

  @Column('jsonb', { nullable: true })
  management!: ManagementSettings | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
