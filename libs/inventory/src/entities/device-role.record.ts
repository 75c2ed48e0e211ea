import { Entity, Column } from 'typeorm';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_device_roles' })
export class DeviceRoleRecord extends NamedInventoryRecord {
  @Column('text')
  color!: string;
}
