import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createInventoryDataSource } from './data-source';
import { InventoryStore } from './store/inventory-store';

/** The inventory's own DataSource, kept apart from the read models' so that each has its own pool and migrations. */
const INVENTORY_DATA_SOURCE = Symbol('INVENTORY_DATA_SOURCE');

class InventoryDataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Gives a NestJS application the `InventoryStore`, its DataSource initialised at start and closed at shutdown. */
@Global()
@Module({})
export class InventoryModule {
  static forRoot(options: { databaseUrl: string; applicationName: string }): DynamicModule {
    return {
      module: InventoryModule,
      providers: [
        {
          provide: INVENTORY_DATA_SOURCE,
          useFactory: () => createInventoryDataSource(options.databaseUrl, options.applicationName).initialize(),
        },
        { provide: InventoryStore, useFactory: (dataSource: DataSource) => new InventoryStore(dataSource), inject: [INVENTORY_DATA_SOURCE] },
        { provide: InventoryDataSourceCloser, useFactory: (dataSource: DataSource) => new InventoryDataSourceCloser(dataSource), inject: [INVENTORY_DATA_SOURCE] },
      ],
      exports: [InventoryStore],
    };
  }
}
