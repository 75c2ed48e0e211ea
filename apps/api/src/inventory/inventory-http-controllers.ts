import { INVENTORY_RESOURCES } from './inventory-resources';
import { manageInventoryHttpController } from './manage-inventory/manage-inventory.http.controller';
import { readInventoryHttpController } from './read-inventory/read-inventory.http.controller';

/** The inventory's REST controllers: reading and managing each model. */
export const INVENTORY_HTTP_CONTROLLERS = INVENTORY_RESOURCES.flatMap((resource) => [readInventoryHttpController(resource), manageInventoryHttpController(resource)]);
