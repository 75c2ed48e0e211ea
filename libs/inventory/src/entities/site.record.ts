import { Entity, Column } from 'typeorm';
import type { SiteStatus } from '@yardmaster/contracts';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_sites' })
export class SiteRecord extends NamedInventoryRecord {
  @Column('text')
  status!: SiteStatus;
}
