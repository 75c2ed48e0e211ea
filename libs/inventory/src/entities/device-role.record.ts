import { Entity } from 'typeorm';
import { TextColumn } from '@yardmaster/record-columns';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_device_roles' })
export class DeviceRoleRecord extends NamedInventoryRecord {
  @TextColumn()
  color!: string;
}
