import type { CollectorType, Device, Interface, InventoryItem, IpAddressRecord, IpNeighbour, LldpNeighbour, MacEntry } from '@yardmaster/contracts';
import { asJson, factsKeys, type CurrentRecord } from './facts-records';

/** What the inventory holds about one device, read once before its diff. */
export interface DeviceInventory {
  readonly device: Device;
  readonly interfaces: readonly Interface[];
  readonly ipAddresses: readonly IpAddressRecord[];
  readonly ipNeighbours: readonly IpNeighbour[];
  readonly macEntries: readonly MacEntry[];
  readonly lldpNeighbours: readonly LldpNeighbour[];
  readonly inventoryItems: readonly InventoryItem[];
}

/** The stored records one collector type answers for, keyed as `detected-facts.ts` keys collected ones. */
export function currentFactsOf(type: CollectorType, inventory: DeviceInventory): CurrentRecord[] {
  const interfaceNames = new Map(inventory.interfaces.map((record) => [record.id, record.name]));
  switch (type) {
    case 'facts':
      return [{ objectType: 'device', key: 'facts', id: inventory.device.id, current: asJson(inventory.device.facts) }];
    case 'interfaces':
      return inventory.interfaces.map((record) => ({ objectType: 'interface', key: record.name, id: record.id, current: asJson(record) }));
    case 'ip_addresses':
      return inventory.ipAddresses.map((record) => ({ objectType: 'ip_address', key: factsKeys.ipAddress(record.vrf, record.address), id: record.id, current: asJson(record) }));
    case 'arp':
    case 'ndp':
      return inventory.ipNeighbours
        .filter((record) => record.ip.includes(':') === (type === 'ndp'))
        .map((record) => ({ objectType: 'ip_neighbour', key: factsKeys.ipNeighbour(record.vrf, record.ip), id: record.id, current: asJson(record) }));
    case 'lldp':
    case 'cdp':
      return inventory.lldpNeighbours
        .filter((record) => record.protocol === type)
        .map((record) => ({
          objectType: 'lldp_neighbour',
          key: factsKeys.neighbour(record.protocol, interfaceNames.get(record.interfaceId) ?? record.interfaceId, record.remoteChassisId),
          id: record.id,
          current: asJson(record),
        }));
    case 'mac_table':
      return inventory.macEntries.map((record) => ({ objectType: 'mac_entry', key: factsKeys.macEntry(record.vlan, record.mac), id: record.id, current: asJson(record) }));
    case 'inventory':
      return inventory.inventoryItems.map((record) => ({ objectType: 'inventory_item', key: record.name, id: record.id, current: asJson(record) }));
    case 'bgp':
      return [];
  }
}
