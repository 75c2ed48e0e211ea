import { Entity, Column } from 'typeorm';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_tags' })
export class TagRecord extends NamedInventoryRecord {
  @Column('text')
  color!: string;
}
