import { Entity } from 'typeorm';
import { CreatedAt, TextColumn, UpdatedAt, UuidColumn, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { InventoryItemClass } from '@yardmaster/contracts';

/** A physical part of a device, as ENTITY-MIB's entPhysicalTable lists it. */
@Entity({ name: 'inventory_items' })
export class InventoryItemRecord {
  @UuidPrimaryKey()
  id!: string;

  @UuidColumn('device_id')
  deviceId!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  class!: InventoryItemClass;

  @TextColumn('part_id')
  partId!: string;

  @TextColumn()
  serial!: string;

  @TextColumn('firmware_version')
  firmwareVersion!: string;

  @TextColumn('software_version')
  softwareVersion!: string;

  @TextColumn()
  description!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
