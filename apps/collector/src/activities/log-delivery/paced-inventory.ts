import type { InventoryModel } from '@yardmaster/contracts';
import type { InventoryAccess, InventoryCollection } from '@yardmaster/job-sdk';

/**
 * The step's inventory, whose writes first wait for room in the step's log buffer: a job that changes the
 * inventory in a loop is slowed down with the log it writes about it, rather than running ahead of NATS.
 */
export function pacedInventory(access: InventoryAccess, room: () => Promise<void>): InventoryAccess {
  const paced = <TModel extends InventoryModel>(collection: InventoryCollection<TModel>): InventoryCollection<TModel> => ({
    get: (id) => collection.get(id),
    find: (filter, options) => collection.find(filter, options),
    create: async (input) => {
      await room();
      return collection.create(input);
    },
    update: async (id, patch) => {
      await room();
      return collection.update(id, patch);
    },
    delete: async (id) => {
      await room();
      return collection.delete(id);
    },
  });
  return {
    sites: paced(access.sites),
    deviceRoles: paced(access.deviceRoles),
    platforms: paced(access.platforms),
    tags: paced(access.tags),
    devices: paced(access.devices),
    interfaces: paced(access.interfaces),
    ipAddresses: paced(access.ipAddresses),
    ipNeighbours: paced(access.ipNeighbours),
    macEntries: paced(access.macEntries),
    lldpNeighbours: paced(access.lldpNeighbours),
    inventoryItems: paced(access.inventoryItems),
  };
}
