import type { InventoryModel } from '@yardmaster/contracts';

/** The filter fields of each model (`InventoryFilterOf`) an object variable's `queryFilters` may use. */
export const OBJECT_FILTER_FIELDS: Readonly<Record<InventoryModel, readonly string[]>> = {
  site: ['q', 'name', 'slug', 'status'],
  device_role: ['q', 'name', 'slug'],
  platform: ['q', 'name', 'slug'],
  tag: ['q', 'name', 'slug'],
  device: ['q', 'name', 'site', 'role', 'platform', 'status', 'tag', 'hasPrimaryAddress', 'hasOobAddress'],
  interface: ['q', 'device', 'name', 'type', 'enabled', 'macAddress'],
  ip_address: ['q', 'device', 'interface', 'address', 'vrf', 'status', 'dnsName'],
  ip_neighbour: ['device', 'interface', 'ip', 'mac', 'vrf'],
  mac_entry: ['device', 'interface', 'mac', 'vlan'],
  lldp_neighbour: ['device', 'interface', 'protocol', 'remoteSystemName', 'remoteChassisId', 'remoteDevice'],
  inventory_item: ['q', 'device', 'name', 'class', 'serial', 'partId'],
};
