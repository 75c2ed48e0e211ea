import type { InventoryAccess } from './inventory-access';
import type { InventoryModel } from '@yardmaster/contracts';

// Lives with the object variable type, which checks `queryFilters` against it; exported here for job authors.
export { OBJECT_FILTER_FIELDS } from '@yardmaster/variable-types';

/** Where each model lives in `context.inventory`. */
export const COLLECTION_OF_MODEL = {
  site: 'sites',
  device_role: 'deviceRoles',
  platform: 'platforms',
  tag: 'tags',
  device: 'devices',
  interface: 'interfaces',
  ip_address: 'ipAddresses',
  ip_neighbour: 'ipNeighbours',
  mac_entry: 'macEntries',
  lldp_neighbour: 'lldpNeighbours',
  inventory_item: 'inventoryItems',
} as const satisfies Record<InventoryModel, keyof InventoryAccess>;

/** A variable reference in a query filter: `$site` stands for the run's value of variable `site`. */
const VARIABLE_REFERENCE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

export function referencedVariableOf(filterValue: unknown): string | null {
  return typeof filterValue === 'string' ? (VARIABLE_REFERENCE.exec(filterValue)?.[1] ?? null) : null;
}
