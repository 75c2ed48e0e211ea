import type { InventoryModel } from '@yardmaster/contracts';
import type { InventoryAccess } from '@yardmaster/job-sdk';
import type { BaseCollection } from '../collections/base-collection';
import { DeviceCollection } from '../collections/device-collection';
import type { InventoryScope } from '../collections/inventory-scope';
import { NamedCollection } from '../collections/named-collection';
import { DEVICE_ROLE_MODEL, PLATFORM_MODEL, SITE_MODEL, TAG_MODEL } from '../collections/named-model';

/** The five collections over one scope, by their name in `InventoryAccess` and by model. */
export interface InventoryCollections {
  readonly access: InventoryAccess;
  readonly byModel: { readonly [M in InventoryModel]: BaseCollection<M> };
}

export function inventoryCollections(scope: InventoryScope): InventoryCollections {
  const byModel = {
    site: new NamedCollection(SITE_MODEL, scope),
    device_role: new NamedCollection(DEVICE_ROLE_MODEL, scope),
    platform: new NamedCollection(PLATFORM_MODEL, scope),
    tag: new NamedCollection(TAG_MODEL, scope),
    device: new DeviceCollection(scope),
  };
  return {
    access: { sites: byModel.site, deviceRoles: byModel.device_role, platforms: byModel.platform, tags: byModel.tag, devices: byModel.device },
    byModel,
  };
}
