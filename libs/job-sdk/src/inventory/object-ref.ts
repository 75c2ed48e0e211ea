import type { InventoryModel, LogObjectRef } from '@yardmaster/contracts';

/** Where each model's records live in the REST API. */
export const INVENTORY_PATH_OF_MODEL: Readonly<Record<InventoryModel, string>> = {
  site: 'sites',
  device_role: 'device-roles',
  platform: 'platforms',
  tag: 'tags',
  device: 'devices',
  interface: 'interfaces',
  ip_address: 'ip-addresses',
  ip_neighbour: 'ip-neighbours',
  mac_entry: 'mac-entries',
  lldp_neighbour: 'lldp-neighbours',
  inventory_item: 'inventory-items',
};

/**
 * A log entry's link to an inventory record, e.g. `logger.failure('No primary address', { object: objectRef('device', device) })`:
 * the run's log shows the record's name and links to it.
 */
export function objectRef(model: InventoryModel, record: { readonly id: string; readonly name: string }): LogObjectRef {
  return { type: model, id: record.id, display: record.name, url: `/api/inventory/${INVENTORY_PATH_OF_MODEL[model]}/${record.id}` };
}
