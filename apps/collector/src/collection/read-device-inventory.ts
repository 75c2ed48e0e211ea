import type { Device } from '@yardmaster/contracts';
import type { InventoryAccess, InventoryListOptions } from '@yardmaster/job-sdk';
import type { DeviceInventory } from './facts-diff/current-facts';

const PAGE = 1000;

/** Everything the inventory holds on one device, page by page, for the device's diff. */
export async function readDeviceInventory(inventory: InventoryAccess, device: Device): Promise<DeviceInventory> {
  const filter = { device: device.id };
  return {
    device,
    interfaces: await readAll((options) => inventory.interfaces.find(filter, options)),
    ipAddresses: await readAll((options) => inventory.ipAddresses.find(filter, options)),
    ipNeighbours: await readAll((options) => inventory.ipNeighbours.find(filter, options)),
    macEntries: await readAll((options) => inventory.macEntries.find(filter, options)),
    lldpNeighbours: await readAll((options) => inventory.lldpNeighbours.find(filter, options)),
    inventoryItems: await readAll((options) => inventory.inventoryItems.find(filter, options)),
  };
}

async function readAll<R>(find: (options: InventoryListOptions) => Promise<{ items: R[] }>): Promise<R[]> {
  const records: R[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await find({ limit: PAGE, offset });
    records.push(...page.items);
    if (page.items.length < PAGE) return records;
  }
}
