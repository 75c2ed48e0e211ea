/**
 * Applying a report's entries to a real Postgres inventory (migrated, dropped afterwards): one transaction, one
 * savepoint per entry. Entries the inventory refuses fail alone with its code and message while the others apply;
 * nothing shows to other connections before the commit, and a failure before the commit applies nothing.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, type FactsEntry } from '@yardmaster/contracts';
import { runPendingMigrations } from '@yardmaster/database';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { createInventoryDataSource } from '../data-source';
import { InventoryStore } from '../store/inventory-store';
import { applyFactsEntries, type FactsEntryOutcome } from './apply-facts-entries';

jest.setTimeout(30_000);

let db: EmptyTestDatabase;
let dataSource: DataSource;
let store: InventoryStore;
let siteId: string;
let roleId: string;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'apply-facts-tests').initialize();
  await runPendingMigrations(dataSource);
  store = new InventoryStore(dataSource);
  siteId = (await store.collections.sites.create({ name: 'Amsterdam 1' })).id;
  roleId = (await store.collections.deviceRoles.create({ name: 'Access' })).id;
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

function entry(deviceId: string, fields: Partial<FactsEntry> & Pick<FactsEntry, 'objectType' | 'key' | 'action'>): FactsEntry {
  return { id: randomUUID(), collectorType: 'interfaces', deviceId, deviceName: 'sw1', objectId: null, detected: null, current: null, ...fields };
}

describe('applyFactsEntries', () => {
  it('applies each kind of entry, and one the inventory refuses fails alone with its error', async () => {
    const deviceId = (await store.collections.devices.create({ name: 'apply-sw1', siteId, roleId })).id;
    const uplink = await store.collections.interfaces.create({ deviceId, name: 'Gi0/2', mtu: 1500 });
    const taken = await store.collections.interfaces.create({ deviceId, name: 'Gi0/9' });
    const psu = await store.collections.inventoryItems.create({ deviceId, name: 'PSU 1', class: 'powerSupply' });
    const mac = await store.collections.macEntries.create({ deviceId, mac: '00:00:5e:00:53:01', lastSeen: '2026-01-01T00:00:00.000Z' });

    const entries = {
      // Listed out of their natural order: the address names an interface that the report creates.
      newAddress: entry(deviceId, { collectorType: 'ip_addresses', objectType: 'ip_address', key: '|10.0.0.1', action: 'new', detected: { address: '10.0.0.1/24', interfaceId: null, interfaceName: 'Gi0/1' } }),
      newInterface: entry(deviceId, { objectType: 'interface', key: 'Gi0/1', action: 'new', detected: { deviceId, name: 'Gi0/1', type: 'ethernet', mtu: 1500 } }),
      conflicting: entry(deviceId, { objectType: 'interface', key: 'Gi0/9-again', action: 'new', detected: { deviceId, name: 'Gi0/9' } }),
      changed: entry(deviceId, { objectType: 'interface', key: 'Gi0/2', action: 'changed', objectId: uplink.id, detected: { deviceId, name: 'Gi0/2', mtu: 9000 }, current: { mtu: 1500 } }),
      badAddress: entry(deviceId, { collectorType: 'ip_addresses', objectType: 'ip_address', key: '|bad', action: 'new', detected: { address: 'not-an-address' } }),
      confirmed: entry(deviceId, { collectorType: 'mac_table', objectType: 'mac_entry', key: '00:00:5e:00:53:01', action: 'confirmed', objectId: mac.id, detected: { deviceId, mac: '00:00:5e:00:53:01', lastSeen: '2026-03-01T10:00:00.000Z' } }),
      stale: entry(deviceId, { collectorType: 'inventory', objectType: 'inventory_item', key: 'PSU 1', action: 'stale', objectId: psu.id, current: { name: 'PSU 1' } }),
      facts: entry(deviceId, { collectorType: 'facts', objectType: 'device', key: 'facts', action: 'changed', objectId: deviceId, detected: { vendor: 'Cisco', model: 'WS-C3560-24PS', serial: 'CAT0945Z0AB' } }),
      onUnknownInterface: entry(deviceId, { collectorType: 'arp', objectType: 'ip_neighbour', key: '|10.0.0.9', action: 'new', detected: { deviceId, ip: '10.0.0.9', mac: '00:00:5e:00:53:09', interfaceName: 'Gi0/404' } }),
      goneAlready: entry(deviceId, { collectorType: 'inventory', objectType: 'inventory_item', key: 'Fan 1', action: 'stale', objectId: randomUUID(), current: { name: 'Fan 1' } }),
    };

    const outcomes = await applyFactsEntries(store, Object.values(entries));
    const outcomeOf = (name: keyof typeof entries) => outcomes.find((outcome) => outcome.id === entries[name].id) as FactsEntryOutcome;

    expect(outcomes.map((outcome) => outcome.id)).toEqual(Object.values(entries).map((given) => given.id));
    for (const applied of ['newAddress', 'newInterface', 'changed', 'confirmed', 'stale', 'facts'] as const) expect(outcomeOf(applied)).toMatchObject({ status: 'applied', error: null });
    expect(outcomeOf('conflicting')).toMatchObject({ status: 'failed', objectId: null, error: { code: ErrorCode.InventoryConflict } });
    expect(outcomeOf('badAddress')).toMatchObject({ status: 'failed', error: { code: ErrorCode.ValidationFailed, message: expect.stringContaining('address') } });
    expect(outcomeOf('onUnknownInterface')).toMatchObject({ status: 'failed', error: { code: ErrorCode.ValidationFailed, message: expect.stringContaining('Gi0/404') } });
    expect(outcomeOf('goneAlready')).toMatchObject({ status: 'failed', error: { code: ErrorCode.InventoryObjectNotFound } });

    const created = await store.collections.interfaces.get(outcomeOf('newInterface').objectId as string);
    expect(created).toMatchObject({ deviceId, name: 'Gi0/1', mtu: 1500 });
    expect(await store.collections.ipAddresses.get(outcomeOf('newAddress').objectId as string)).toMatchObject({ address: '10.0.0.1/24', interfaceId: created?.id });
    expect(await store.collections.interfaces.get(uplink.id)).toMatchObject({ mtu: 9000 });
    expect(await store.collections.macEntries.get(mac.id)).toMatchObject({ lastSeen: '2026-03-01T10:00:00.000Z' });
    expect(await store.collections.inventoryItems.get(psu.id)).toBeNull();
    expect((await store.collections.devices.get(deviceId))?.facts).toMatchObject({ vendor: 'Cisco', model: 'WS-C3560-24PS', serial: 'CAT0945Z0AB' });
    const interfaces = await store.collections.interfaces.find({ device: deviceId });
    expect(interfaces.items.map((found) => found.name)).toEqual(['Gi0/1', 'Gi0/2', 'Gi0/9']);
    expect(interfaces.items.find((found) => found.name === 'Gi0/9')?.id).toBe(taken.id);
  });

  it('applies in one transaction: nothing shows before the commit, and a failure before it applies nothing', async () => {
    const deviceId = (await store.collections.devices.create({ name: 'apply-sw2', siteId, roleId })).id;
    const first = entry(deviceId, { objectType: 'interface', key: 'Eth1', action: 'new', detected: { deviceId, name: 'Eth1' } });
    const second = entry(deviceId, { objectType: 'interface', key: 'Eth2', action: 'new', detected: { deviceId, name: 'Eth2' } });
    const namesSeenOutside = async () => (await store.collections.interfaces.find({ device: deviceId })).items.map((found) => found.name);

    let seenBeforeCommit: string[] | null = null;
    const outcomes = await applyFactsEntries(store, [first, second], {
      beforeCommit: async () => {
        seenBeforeCommit = await namesSeenOutside();
      },
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['applied', 'applied']);
    expect(seenBeforeCommit).toEqual([]);
    expect(await namesSeenOutside()).toEqual(['Eth1', 'Eth2']);

    const third = entry(deviceId, { objectType: 'interface', key: 'Eth3', action: 'new', detected: { deviceId, name: 'Eth3' } });
    await expect(
      applyFactsEntries(store, [third], {
        beforeCommit: async () => {
          throw new Error('NATS refused the event');
        },
      }),
    ).rejects.toThrow('NATS refused the event');
    expect(await namesSeenOutside()).toEqual(['Eth1', 'Eth2']);
  });
});
