import { Module } from '@nestjs/common';
import { IdentityModule } from '../users/identity.module';
import { DEVICE_HOST_KEY_STORE_PROVIDER } from './device-host-keys/device-host-key-store.provider';
import { DeviceHostKeyHttpController } from './device-host-keys/device-host-key.http.controller';
import { INVENTORY_HTTP_CONTROLLERS } from './inventory-http-controllers';

/**
 * The inventory's REST routes. The store they call (`InventoryStore`) comes from `@yardmaster/inventory`'s own
 * module, which owns the inventory's tables and rules; hence this module's name.
 */
@Module({ imports: [IdentityModule], controllers: [...INVENTORY_HTTP_CONTROLLERS, DeviceHostKeyHttpController], providers: [DEVICE_HOST_KEY_STORE_PROVIDER] })
export class InventoryHttpModule {}
