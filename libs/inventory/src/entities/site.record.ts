import { Entity } from 'typeorm';
import { TextColumn } from '@yardmaster/record-columns';
import type { SiteStatus } from '@yardmaster/contracts';
import { NamedInventoryRecord } from './named-inventory.record';

@Entity({ name: 'inventory_sites' })
export class SiteRecord extends NamedInventoryRecord {
  @TextColumn()
  status!: SiteStatus;
}
