import { Entity } from 'typeorm';
import { TextColumn } from '@yardmaster/record-columns';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_tags' })
export class TagRecord extends NamedInventoryRecord {
  @TextColumn()
  color!: string;
}
