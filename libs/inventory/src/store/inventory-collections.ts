import type { InventoryModel } from '@yardmaster/contracts';
import type { InventoryAccess } from '@yardmaster/job-sdk';
import type { BaseCollection } from '../collections/base-collection';
import { CollectedCollection } from '../collections/collected-collection';
import { INTERFACE_MODEL } from '../collections/collected/interface-model';
import { INVENTORY_ITEM_MODEL } from '../collections/collected/inventory-item-model';
import { IP_ADDRESS_MODEL } from '../collections/collected/ip-address-model';
import { IP_NEIGHBOUR_MODEL } from '../collections/collected/ip-neighbour-model';
import { LLDP_NEIGHBOUR_MODEL } from '../collections/collected/lldp-neighbour-model';
import { MAC_ENTRY_MODEL } from '../collections/collected/mac-entry-model';
import { DeviceCollection } from '../collections/device-collection';
import type { InventoryScope } from '../collections/inventory-scope';
import { NamedCollection } from '../collections/named-collection';
import { DEVICE_ROLE_MODEL, PLATFORM_MODEL, SITE_MODEL, TAG_MODEL } from '../collections/named-model';

/** The collections over one scope, by their name in `InventoryAccess` and by model. */
export interface InventoryCollections {
  readonly access: InventoryAccess;
  readonly byModel: { readonly [M in InventoryModel]: BaseCollection<M> } & { readonly device: DeviceCollection };
}

export function inventoryCollections(scope: InventoryScope): InventoryCollections {
  const byModel = {
    site: new NamedCollection(SITE_MODEL, scope),
    device_role: new NamedCollection(DEVICE_ROLE_MODEL, scope),
    platform: new NamedCollection(PLATFORM_MODEL, scope),
    tag: new NamedCollection(TAG_MODEL, scope),
    device: new DeviceCollection(scope),
    interface: new CollectedCollection(INTERFACE_MODEL, scope),
    ip_address: new CollectedCollection(IP_ADDRESS_MODEL, scope),
    ip_neighbour: new CollectedCollection(IP_NEIGHBOUR_MODEL, scope),
    mac_entry: new CollectedCollection(MAC_ENTRY_MODEL, scope),
    lldp_neighbour: new CollectedCollection(LLDP_NEIGHBOUR_MODEL, scope),
    inventory_item: new CollectedCollection(INVENTORY_ITEM_MODEL, scope),
  };
  return {
    access: {
      sites: byModel.site,
      deviceRoles: byModel.device_role,
      platforms: byModel.platform,
      tags: byModel.tag,
      devices: byModel.device,
      interfaces: byModel.interface,
      ipAddresses: byModel.ip_address,
      ipNeighbours: byModel.ip_neighbour,
      macEntries: byModel.mac_entry,
      lldpNeighbours: byModel.lldp_neighbour,
      inventoryItems: byModel.inventory_item,
    },
    byModel,
  };
}
