import { createPostgresDataSource, type PostgresConnection } from '@yardmaster/database';
import type { DataSource } from 'typeorm';
import { DeviceRoleRecord } from './entities/device-role.record';
import { DeviceTagRecord } from './entities/device-tag.record';
import { DeviceRecord } from './entities/device.record';
import { PlatformRecord } from './entities/platform.record';
import { SiteRecord } from './entities/site.record';
import { TagRecord } from './entities/tag.record';
import { InterfaceRecord } from './entities/interface.record';
import { InventoryItemRecord } from './entities/inventory-item.record';
import { IpAddressRecord } from './entities/ip-address.record';
import { IpNeighbourRecord } from './entities/ip-neighbour.record';
import { LldpNeighbourRecord } from './entities/lldp-neighbour.record';
import { MacEntryRecord } from './entities/mac-entry.record';
import { Inventory1795500000000 } from './migrations/1795500000000-inventory';
import { CollectedInventory1796100000000 } from './migrations/1796100000000-collected-inventory';
import { CredentialSets1796200000000 } from './migrations/1796200000000-credential-sets';
import { CredentialSetRecord } from './credentials/credential-set.record';
import { CollectionPlans1796300000000 } from './migrations/1796300000000-collection-plans';
import { ConnectionTargets1796410000000 } from './migrations/1796410000000-connection-targets';
import { CollectionProtocols1796420000000 } from './migrations/1796420000000-collection-protocols';
import { CollectionPlanRecord } from './plans/collection-plan.record';
import { DeviceHostKeys1796400000000 } from './migrations/1796400000000-device-host-keys';
import { DeviceHostKeyRecord } from './host-keys/device-host-key.record';

/** The name services inject the inventory's DataSource by: `@InjectDataSource(INVENTORY)`. */
export const INVENTORY = 'inventory';

/**
 * The inventory's connection. It shares the database with the read models but keeps its own migrations table:
 * the inventory is primary data, never dropped and rebuilt by a replay as read models may be.
 */
export const INVENTORY_CONNECTION: PostgresConnection = {
  name: INVENTORY,
  entities: [
    SiteRecord,
    DeviceRoleRecord,
    PlatformRecord,
    TagRecord,
    DeviceRecord,
    DeviceTagRecord,
    CredentialSetRecord,
    InterfaceRecord,
    IpAddressRecord,
    IpNeighbourRecord,
    MacEntryRecord,
    LldpNeighbourRecord,
    InventoryItemRecord,
    CollectionPlanRecord,
    DeviceHostKeyRecord,
  ],
  migrations: [Inventory1795500000000, CollectedInventory1796100000000, CredentialSets1796200000000, CollectionPlans1796300000000, DeviceHostKeys1796400000000, ConnectionTargets1796410000000, CollectionProtocols1796420000000],
  migrationsTableName: 'inventory_migrations',
  poolSize: 10,
};

/** The inventory's DataSource outside Nest (the migration tool, tests). */
export function createInventoryDataSource(databaseUrl: string, applicationName: string): DataSource {
  return createPostgresDataSource(INVENTORY_CONNECTION, { databaseUrl, applicationName });
}
