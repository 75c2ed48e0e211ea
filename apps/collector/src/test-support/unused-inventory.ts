import type { InventoryStore } from '@yardmaster/inventory';
import type { InventoryAccess } from '@yardmaster/job-sdk';

/**
 * For tests of steps whose jobs never touch the inventory: any use throws, so a test that needs the
 * inventory says so instead of passing against nothing.
 */
function unused(): never {
  throw new Error('This test gave the step no inventory: use a real InventoryStore (see step-inventory.int-spec.ts)');
}

const collection = { get: unused, find: unused, create: unused, update: unused, delete: unused };

export const unusedInventory: InventoryAccess = {
  sites: collection,
  deviceRoles: collection,
  platforms: collection,
  tags: collection,
  devices: collection,
  interfaces: collection,
  ipAddresses: collection,
  ipNeighbours: collection,
  macEntries: collection,
  lldpNeighbours: collection,
  inventoryItems: collection,
};

export const unusedInventoryStore = { collections: unusedInventory, withSession: unused, findExisting: unused } as unknown as InventoryStore;
