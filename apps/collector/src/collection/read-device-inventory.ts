import type { CollectorType, Device } from '@yardmaster/contracts';
import type { InventoryAccess, InventoryListOptions } from '@yardmaster/job-sdk';
import type { DeviceInventory } from './facts-diff/current-facts';

const PAGE = 1000;

/**
 * What the inventory holds on one device that the collected types are diffed against, page by page; the rest is
 * left empty (not read). Interfaces always: the other records refer to them.
 */
export async function readDeviceInventory(inventory: InventoryAccess, device: Device, types: ReadonlySet<CollectorType>): Promise<DeviceInventory> {
  const filter = { device: device.id };
  const any = (...wanted: CollectorType[]) => wanted.some((type) => types.has(type));
  return {
    device,
    interfaces: await readAll((options) => inventory.interfaces.find(filter, options)),
    ipAddresses: any('ip_addresses') ? await readAll((options) => inventory.ipAddresses.find(filter, options)) : [],
    ipNeighbours: any('arp', 'ndp') ? await readAll((options) => inventory.ipNeighbours.find(filter, options)) : [],
    macEntries: any('mac_table') ? await readAll((options) => inventory.macEntries.find(filter, options)) : [],
    lldpNeighbours: any('lldp', 'cdp') ? await readAll((options) => inventory.lldpNeighbours.find(filter, options)) : [],
    inventoryItems: any('inventory') ? await readAll((options) => inventory.inventoryItems.find(filter, options)) : [],
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
