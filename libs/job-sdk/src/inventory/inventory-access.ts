import type { InventoryFilterOf, InventoryInputOf, InventoryModel, InventoryRecordOf } from '@yardmaster/contracts';

/** A page of a listing: `items` from `offset`, and how many match in all. */
export interface InventoryPage<TRecord> {
  readonly items: TRecord[];
  readonly total: number;
}

export interface InventoryListOptions {
  /** At most this many (default 50, at most 1000). */
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * One model of the inventory, as job code reads and changes it. Writes go into the step's transaction: they
 * are saved when the step ends in a run with `commit: true`, and discarded at the end of a dry run (later steps
 * of that run still see them). A read-only job may not write: each write throws.
 */
export interface InventoryCollection<TModel extends InventoryModel> {
  get(id: string): Promise<InventoryRecordOf[TModel] | null>;
  /** Records matching every given filter field, in name order. */
  find(filter?: InventoryFilterOf[TModel], options?: InventoryListOptions): Promise<InventoryPage<InventoryRecordOf[TModel]>>;
  create(input: InventoryInputOf[TModel]): Promise<InventoryRecordOf[TModel]>;
  update(id: string, patch: Partial<InventoryInputOf[TModel]>): Promise<InventoryRecordOf[TModel]>;
  delete(id: string): Promise<void>;
}

/** `context.inventory`: what a job reads and changes. */
export interface InventoryAccess {
  readonly sites: InventoryCollection<'site'>;
  readonly deviceRoles: InventoryCollection<'device_role'>;
  readonly platforms: InventoryCollection<'platform'>;
  readonly tags: InventoryCollection<'tag'>;
  readonly devices: InventoryCollection<'device'>;
  readonly interfaces: InventoryCollection<'interface'>;
  readonly ipAddresses: InventoryCollection<'ip_address'>;
  /** ARP (IPv4) and NDP (IPv6) entries. */
  readonly ipNeighbours: InventoryCollection<'ip_neighbour'>;
  /** The MAC address table. */
  readonly macEntries: InventoryCollection<'mac_entry'>;
  /** LLDP and CDP neighbours. */
  readonly lldpNeighbours: InventoryCollection<'lldp_neighbour'>;
  /** ENTITY-MIB's physical parts: chassis, modules, power supplies, fans, transceivers. */
  readonly inventoryItems: InventoryCollection<'inventory_item'>;
}
