import { Entity, Column } from 'typeorm';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_platforms' })
export class PlatformRecord extends NamedInventoryRecord {
  @Column('text', { name: 'network_driver' })
  networkDriver!: string;
}
