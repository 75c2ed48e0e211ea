import { Module } from '@nestjs/common';
import { INVENTORY_HTTP_CONTROLLERS } from './inventory-http-controllers';

/**
 * The inventory's REST routes. The store they call (`InventoryStore`) comes from `@yardmaster/inventory`'s own
 * module, which owns the inventory's tables and rules; hence this module's name.
 */
@Module({ controllers: [...INVENTORY_HTTP_CONTROLLERS] })
export class InventoryHttpModule {}
