import { Entity } from 'typeorm';
import { TextColumn } from '@yardmaster/record-columns';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_platforms' })
export class PlatformRecord extends NamedInventoryRecord {
  @TextColumn('network_driver')
  networkDriver!: string;
}
