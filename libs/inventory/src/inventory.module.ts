import { Module, type DynamicModule } from '@nestjs/common';
import { postgresDataModule, type PostgresTarget } from '@yardmaster/database';
import { INVENTORY_CONNECTION } from './data-source';
import { InventoryStore } from './store/inventory-store';

/** Gives a NestJS application the `InventoryStore`, on the inventory's own connection (its own pool and migrations). */
@Module({})
export class InventoryModule {
  static forRoot(target: PostgresTarget): DynamicModule {
    return postgresDataModule(InventoryModule, INVENTORY_CONNECTION, target, [InventoryStore]);
  }
}
