import { DataSource } from 'typeorm';
import { DeviceRoleRecord } from './entities/device-role.record';
import { DeviceTagRecord } from './entities/device-tag.record';
import { DeviceRecord } from './entities/device.record';
import { PlatformRecord } from './entities/platform.record';
import { SiteRecord } from './entities/site.record';
import { TagRecord } from './entities/tag.record';
import { Inventory1795500000000 } from './migrations/1795500000000-inventory';

export const INVENTORY_ENTITIES = [SiteRecord, DeviceRoleRecord, PlatformRecord, TagRecord, DeviceRecord, DeviceTagRecord];
export const INVENTORY_MIGRATIONS = [Inventory1795500000000];

/**
 * The inventory's DataSource. It shares the database with the read models but keeps its own migrations table:
 * the inventory is primary data, never dropped and rebuilt by a replay as read models may be.
 */
export function createInventoryDataSource(databaseUrl: string, applicationName: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities: INVENTORY_ENTITIES,
    migrations: INVENTORY_MIGRATIONS,
    migrationsTableName: 'inventory_migrations',
    synchronize: false,
    extra: { max: 10 },
  });
}

/** Applies pending inventory migrations, each in its own transaction; returns the names of those applied. */
export async function migrateInventory(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
