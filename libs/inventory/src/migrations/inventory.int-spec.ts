/**
 * The inventory migrations against a real Postgres database of their own: their tables and keys, their own
 * migrations table, and that they can be reverted (newest first) and applied again.
 */
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '@yardmaster/database';
import { createInventoryDataSource } from '../data-source';
import { Inventory1795500000000 } from './1795500000000-inventory';
import { CollectedInventory1796100000000 } from './1796100000000-collected-inventory';
import { CredentialSets1796200000000 } from './1796200000000-credential-sets';
import { CollectionPlans1796300000000 } from './1796300000000-collection-plans';
import { DeviceHostKeys1796400000000 } from './1796400000000-device-host-keys';
import { ConnectionTargets1796410000000 } from './1796410000000-connection-targets';
import { CollectionProtocols1796420000000 } from './1796420000000-collection-protocols';

jest.setTimeout(30_000);

const MIGRATIONS = [
  new Inventory1795500000000(),
  new CollectedInventory1796100000000(),
  new CredentialSets1796200000000(),
  new CollectionPlans1796300000000(),
  new DeviceHostKeys1796400000000(),
  new ConnectionTargets1796410000000(),
  new CollectionProtocols1796420000000(),
];
const TABLES = [
  'collection_plans',
  'inventory_credential_sets',
  'inventory_device_host_keys',
  'inventory_device_roles',
  'inventory_device_tags',
  'inventory_devices',
  'inventory_interfaces',
  'inventory_ip_addresses',
  'inventory_ip_neighbours',
  'inventory_items',
  'inventory_lldp_neighbours',
  'inventory_mac_entries',
  'inventory_platforms',
  'inventory_sites',
  'inventory_tags',
];

let db: EmptyTestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'inventory-migration-tests').initialize();
  await runPendingMigrations(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

/** The tables the inventory's migrations own: `inventory_*`, and the collection plans kept beside them. */
async function inventoryTables(): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND (table_name LIKE 'inventory\\_%' OR table_name = 'collection_plans') ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function migrate(direction: 'up' | 'down'): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.startTransaction();
    for (const migration of direction === 'up' ? MIGRATIONS : [...MIGRATIONS].reverse()) await migration[direction](queryRunner);
    await queryRunner.commitTransaction();
  } finally {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    await queryRunner.release();
  }
}

describe('Inventory migrations', () => {
  it('is applied once, recorded in its own migrations table', async () => {
    expect(await inventoryTables()).toEqual([...TABLES, 'inventory_migrations'].sort());
    const rows: Array<{ name: string }> = await dataSource.query(`SELECT name FROM inventory_migrations ORDER BY id`);
    expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await runPendingMigrations(dataSource)).toEqual([]);
  });

  it('makes names unique in any case and slugs unique', async () => {
    const indexes: Array<{ indexname: string; indexdef: string }> = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'inventory_sites'`);
    const byName = Object.fromEntries(indexes.map((index) => [index.indexname, index.indexdef]));
    expect(byName.inventory_sites_name_key).toContain('lower(name)');
    expect(byName.inventory_sites_slug_key).toContain('UNIQUE');
    const deviceIndexes: Array<{ indexdef: string }> = await dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'inventory_devices_site_name_key'`);
    expect(deviceIndexes[0]?.indexdef).toContain('(site_id, lower(name))');
  });

  it('keeps an IP address unique by host address and VRF, and a MAC table entry without VLAN unique per device', async () => {
    const indexes: Array<{ indexname: string; indexdef: string }> = await dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('inventory_ip_addresses_address_key', 'inventory_mac_entries_mac_key')`,
    );
    const byName = Object.fromEntries(indexes.map((index) => [index.indexname, index.indexdef]));
    expect(byName.inventory_ip_addresses_address_key).toContain(`UNIQUE INDEX inventory_ip_addresses_address_key ON public.inventory_ip_addresses USING btree (split_part(address, '/'::text, 1), vrf)`);
    expect(byName.inventory_mac_entries_mac_key).toContain('COALESCE(vlan, 0), mac)');
  });

  it('can be reverted and applied again', async () => {
    await migrate('down');
    expect(await inventoryTables()).toEqual(['inventory_migrations']);
    await migrate('up');
    expect(await inventoryTables()).toEqual([...TABLES, 'inventory_migrations'].sort());
  });
});
