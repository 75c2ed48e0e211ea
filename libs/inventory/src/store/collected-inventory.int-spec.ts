/**
 * What collection plans fill, against a real Postgres database of its own (migrated, dropped afterwards):
 * interfaces, IP addresses, IP neighbours, the MAC table, LLDP neighbours, inventory items and device facts.
 * Canonical MAC and IP text, unique keys, references to the device and its interfaces, filters, the remote end
 * of LLDP neighbours resolved by name, and a device's delete taking what hangs off it.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, type YardError } from '@yardmaster/contracts';
import { runPendingMigrations } from '@yardmaster/database';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { createInventoryDataSource } from '../data-source';
import { failureOf } from '../test-support/failure-of';
import { InventoryStore } from './inventory-store';

jest.setTimeout(30_000);

let db: EmptyTestDatabase;
let dataSource: DataSource;
let store: InventoryStore;
let siteId: string;
let otherSiteId: string;
let roleId: string;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'collected-inventory-tests').initialize();
  await runPendingMigrations(dataSource);
  store = new InventoryStore(dataSource);
  siteId = (await store.collections.sites.create({ name: 'Amsterdam 1' })).id;
  otherSiteId = (await store.collections.sites.create({ name: 'Berlin 1' })).id;
  roleId = (await store.collections.deviceRoles.create({ name: 'Access' })).id;
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

async function device(name: string, site = siteId): Promise<string> {
  return (await store.collections.devices.create({ name, siteId: site, roleId })).id;
}

describe('interfaces', () => {
  it('creates an interface with its defaults and canonical MAC, reads, updates and deletes it', async () => {
    const deviceId = await device('if-sw1');
    const created = await store.collections.interfaces.create({ deviceId, name: ' GigabitEthernet0/1 ', type: 'ethernet', macAddress: '0019.0690.4F40', speed: 1_000_000, mtu: 1500, ifIndex: 10101 });
    expect(created).toMatchObject({
      deviceId,
      name: 'GigabitEthernet0/1',
      type: 'ethernet',
      enabled: true,
      mtu: 1500,
      speed: 1_000_000,
      macAddress: '00:19:06:90:4f:40',
      description: '',
      ifIndex: 10101,
    });
    expect(await store.collections.interfaces.get(created.id)).toEqual(created);
    const changed = await store.collections.interfaces.update(created.id, { enabled: false, macAddress: null, description: 'uplink' });
    expect(changed).toMatchObject({ enabled: false, macAddress: null, description: 'uplink', speed: 1_000_000 });
    await store.collections.interfaces.delete(created.id);
    expect(await store.collections.interfaces.get(created.id)).toBeNull();
  });

  it('keeps names unique per device, not across devices', async () => {
    const first = await device('if-sw2');
    const second = await device('if-sw3');
    const taken = await store.collections.interfaces.create({ deviceId: first, name: 'Gi0/1' });
    await store.collections.interfaces.create({ deviceId: second, name: 'Gi0/1' });
    const clash = await failureOf(store.collections.interfaces.create({ deviceId: first, name: 'Gi0/1' }));
    expect(clash.code).toBe(ErrorCode.InventoryConflict);
    expect(clash.fieldErrors).toEqual([{ field: 'name', message: 'is already used by another interface' }]);
    expect(clash.details).toEqual({ field: 'name', conflictingId: taken.id });
  });

  it('refuses bad fields one by one, an unknown device, and a move to another device', async () => {
    const invalid = await failureOf(
      store.collections.interfaces.create({ deviceId: randomUUID(), name: '', type: 'token-ring' as never, macAddress: 'aa:bb', mtu: 0, speed: -1, enabled: 'yes' as never }),
    );
    expect(invalid.code).toBe(ErrorCode.ValidationFailed);
    expect(invalid.fieldErrors?.map((error) => error.field).sort()).toEqual(['deviceId', 'enabled', 'macAddress', 'mtu', 'name', 'speed', 'type']);
    expect(invalid.fieldErrors).toContainEqual({ field: 'deviceId', message: 'no device has this id' });

    const deviceId = await device('if-sw4');
    const other = await device('if-sw5');
    const iface = await store.collections.interfaces.create({ deviceId, name: 'Gi0/2' });
    const moved = await failureOf(store.collections.interfaces.update(iface.id, { deviceId: other }));
    expect(moved.fieldErrors).toEqual([{ field: 'deviceId', message: 'cannot change: the interface stays on its device (delete it and create it on the other)' }]);
  });

  it('filters by device id or name, type, enabled and MAC in any form, with totals', async () => {
    const deviceId = await device('if-filter-1');
    await store.collections.interfaces.create({ deviceId, name: 'Gi0/1', type: 'ethernet', macAddress: 'aa:bb:cc:00:00:01' });
    await store.collections.interfaces.create({ deviceId, name: 'Po1', type: 'lag', enabled: false });
    await store.collections.interfaces.create({ deviceId, name: 'Lo0', type: 'loopback' });
    const names = async (filter: object) => (await store.collections.interfaces.find(filter)).items.map((item) => item.name);
    expect(await names({ device: deviceId })).toEqual(['Gi0/1', 'Lo0', 'Po1']);
    expect(await names({ device: 'if-filter-1' })).toEqual(['Gi0/1', 'Lo0', 'Po1']);
    expect(await names({ device: 'if-filter-1', type: 'lag' })).toEqual(['Po1']);
    expect(await names({ device: 'if-filter-1', enabled: true })).toEqual(['Gi0/1', 'Lo0']);
    expect(await names({ macAddress: 'AABB.CC00.0001' })).toEqual(['Gi0/1']);
    expect(await names({ macAddress: 'not-a-mac' })).toEqual([]);
    const page = await store.collections.interfaces.find({ device: deviceId }, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Lo0' }] });
    const later = await device('if-filter-0');
    await store.collections.interfaces.create({ deviceId: later, name: 'Gi0/1' });
    const byDevice = await store.collections.interfaces.find({ name: 'Gi0/1', q: 'Gi0/1' });
    expect(byDevice.items.filter((item) => [deviceId, later].includes(item.deviceId)).map((item) => item.deviceId)).toEqual([later, deviceId]);
    const unknown = await failureOf(store.collections.interfaces.find({ colour: 'red' } as never));
    expect(unknown.fieldErrors).toEqual([{ field: 'colour', message: 'is not a filter of interfaces' }]);
  });
});

describe('writers that race', () => {
  it('creating one key at once: one wins, the others get INVENTORY_CONFLICT on the key, from the check or from the database', async () => {
    const deviceId = await device('race-sw1');
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => store.collections.interfaces.create({ deviceId, name: 'Gi0/9' })));
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected').map((outcome) => outcome.reason as YardError);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(refused.map((error) => [error.code, error.fieldErrors?.[0]?.field])).toEqual(Array.from({ length: 3 }, () => [ErrorCode.InventoryConflict, 'name']));
  });
});

describe('a dry run', () => {
  it('replays collected records in a later step with their ids, canonical values and resolved remote ends', async () => {
    const deviceId = await device('replay-sw1');
    const remoteId = await device('replay-sw2');
    const firstStep = await store.withSession({ persist: false }, async (session) => {
      const iface = await session.interfaces.create({ deviceId, name: 'Gi0/1', macAddress: 'aabbccddeeff' });
      await session.ipAddresses.create({ address: '203.0.113.1/24', interfaceId: iface.id });
      await session.ipNeighbours.create({ deviceId, interfaceId: iface.id, ip: '203.0.113.2', mac: '00:11:22:33:44:55', lastSeen: '2026-12-01T09:00:00Z' });
      await session.lldpNeighbours.create({ deviceId, interfaceId: iface.id, remoteChassisId: 'c', remoteSystemName: 'replay-sw2', remotePort: 'Gi0/2' });
      return iface.id;
    });
    expect(firstStep.changes.map((change) => change.model)).toEqual(['interface', 'ip_address', 'ip_neighbour', 'lldp_neighbour']);
    expect((await store.collections.interfaces.find({ device: deviceId })).total).toBe(0);
    const secondStep = await store.withSession({ persist: false }, async (session) => {
      await session.replay(firstStep.changes);
      return {
        iface: await session.interfaces.get(firstStep.result),
        addresses: (await session.ipAddresses.find({ device: deviceId })).items,
        neighbours: (await session.ipNeighbours.find({ device: deviceId })).items,
        lldp: (await session.lldpNeighbours.find({ device: deviceId })).items,
      };
    });
    expect(secondStep.result.iface).toMatchObject({ name: 'Gi0/1', macAddress: 'aa:bb:cc:dd:ee:ff' });
    expect(secondStep.result.addresses).toMatchObject([{ address: '203.0.113.1/24', deviceId }]);
    expect(secondStep.result.neighbours).toMatchObject([{ ip: '203.0.113.2', lastSeen: '2026-12-01T09:00:00.000Z' }]);
    expect(secondStep.result.lldp).toMatchObject([{ remoteDeviceId: remoteId, remoteInterfaceId: null }]);
  });
});

describe('IP addresses', () => {
  it('stores canonical text, shows the device of its interface, and filters by device and address', async () => {
    const deviceId = await device('ip-r1');
    const iface = await store.collections.interfaces.create({ deviceId, name: 'ge-0/0/0' });
    const v6 = await store.collections.ipAddresses.create({ address: '2001:DB8::0001/64', interfaceId: iface.id, dnsName: 'r1.example.net' });
    const v4 = await store.collections.ipAddresses.create({ address: '10.0.0.1/24', vrf: 'blue', status: 'reserved' });
    expect(v6).toMatchObject({ address: '2001:db8::1/64', vrf: '', status: 'active', interfaceId: iface.id, deviceId, dnsName: 'r1.example.net' });
    expect(v4).toMatchObject({ address: '10.0.0.1/24', vrf: 'blue', status: 'reserved', interfaceId: null, deviceId: null });
    expect((await store.collections.ipAddresses.find({ device: 'ip-r1' })).items.map((item) => item.id)).toEqual([v6.id]);
    expect((await store.collections.ipAddresses.find({ address: '2001:db8:0::1' })).items.map((item) => item.id)).toEqual([v6.id]);
    expect((await store.collections.ipAddresses.find({ address: '10.0.0.1/32', vrf: 'blue' })).items.map((item) => item.id)).toEqual([v4.id]);
    expect((await store.collections.ipAddresses.find({ q: 'EXAMPLE' })).items.map((item) => item.id)).toEqual([v6.id]);
  });

  it('keeps an address unique within its VRF whatever the prefix length', async () => {
    const first = await store.collections.ipAddresses.create({ address: '192.0.2.1/24' });
    const clash = await failureOf(store.collections.ipAddresses.create({ address: '192.0.2.1/32' }));
    expect(clash.code).toBe(ErrorCode.InventoryConflict);
    expect(clash.details).toEqual({ field: 'address', conflictingId: first.id });
    await expect(store.collections.ipAddresses.create({ address: '192.0.2.1/24', vrf: 'red' })).resolves.toMatchObject({ vrf: 'red' });
  });

  it('refuses an address without prefix length and an unknown interface', async () => {
    const invalid = await failureOf(store.collections.ipAddresses.create({ address: '192.0.2.9', interfaceId: randomUUID() }));
    expect(invalid.fieldErrors).toEqual([
      { field: 'address', message: 'must be an IP address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64' },
      { field: 'interfaceId', message: 'no interface has this id' },
    ]);
  });
});

describe('IP neighbours and the MAC table', () => {
  it('keeps one MAC per IP address per device and VRF, canonicalised, on an interface of that device only', async () => {
    const deviceId = await device('arp-sw1');
    const other = await device('arp-sw2');
    const iface = await store.collections.interfaces.create({ deviceId, name: 'Vlan10' });
    const foreign = await store.collections.interfaces.create({ deviceId: other, name: 'Vlan10' });
    const entry = await store.collections.ipNeighbours.create({ deviceId, interfaceId: iface.id, ip: '10.0.10.5', mac: 'AA-BB-CC-DD-EE-05', lastSeen: '2026-12-01T10:00:00Z' });
    expect(entry).toMatchObject({ ip: '10.0.10.5', mac: 'aa:bb:cc:dd:ee:05', vrf: '', lastSeen: '2026-12-01T10:00:00.000Z' });
    expect((await failureOf(store.collections.ipNeighbours.create({ deviceId, ip: '10.0.10.5', mac: 'aabbccddee06' }))).details).toEqual({ field: 'ip', conflictingId: entry.id });
    const v6 = await store.collections.ipNeighbours.create({ deviceId, ip: 'FE80::1', mac: 'aabbccddee06' });
    expect(v6.ip).toBe('fe80::1');
    expect(Date.parse(v6.lastSeen)).toBeGreaterThan(0);
    const wrong = await failureOf(store.collections.ipNeighbours.create({ deviceId, interfaceId: foreign.id, ip: '10.0.10.6', mac: 'aabbccddee07' }));
    expect(wrong.fieldErrors).toEqual([{ field: 'interfaceId', message: 'is an interface of another device' }]);
    expect((await store.collections.ipNeighbours.find({ device: 'arp-sw1', mac: 'aabb.ccdd.ee05' })).items.map((item) => item.id)).toEqual([entry.id]);
    expect((await store.collections.ipNeighbours.find({ ip: 'fe80:0::1' })).items.map((item) => item.id)).toEqual([v6.id]);
  });

  it('keeps a MAC unique per VLAN, and per device when the table has no VLANs', async () => {
    const deviceId = await device('mac-sw1');
    const iface = await store.collections.interfaces.create({ deviceId, name: 'Gi0/3' });
    const noVlan = await store.collections.macEntries.create({ deviceId, interfaceId: iface.id, mac: '0019.0690.4f41' });
    await store.collections.macEntries.create({ deviceId, vlan: 10, mac: '0019.0690.4f41' });
    expect((await failureOf(store.collections.macEntries.create({ deviceId, mac: '00:19:06:90:4f:41' }))).details).toEqual({ field: 'mac', conflictingId: noVlan.id });
    expect((await failureOf(store.collections.macEntries.create({ deviceId, vlan: 4095, mac: '00:19:06:90:4f:42' }))).fieldErrors).toEqual([
      { field: 'vlan', message: 'must be a whole number from 1 to 4094' },
    ]);
    expect((await store.collections.macEntries.find({ device: deviceId, vlan: '10' })).items).toMatchObject([{ vlan: 10, mac: '00:19:06:90:4f:41', interfaceId: null }]);
    expect((await store.collections.macEntries.find({ interface: iface.id })).total).toBe(1);
  });
});

describe('LLDP neighbours', () => {
  it('resolves the remote device by its name or first label and its port any case, on write', async () => {
    const localId = await device('lldp-a');
    const remoteId = await device('lldp-b');
    const local = await store.collections.interfaces.create({ deviceId: localId, name: 'Gi0/1' });
    const remotePort = await store.collections.interfaces.create({ deviceId: remoteId, name: 'GigabitEthernet0/24' });
    const neighbour = await store.collections.lldpNeighbours.create({
      deviceId: localId,
      interfaceId: local.id,
      remoteChassisId: '00:19:06:90:4f:00',
      remoteSystemName: 'LLDP-B.example.net',
      remotePort: 'gigabitethernet0/24',
    });
    expect(neighbour).toMatchObject({ protocol: 'lldp', remoteDeviceId: remoteId, remoteInterfaceId: remotePort.id });
    expect((await store.collections.lldpNeighbours.find({ remoteDevice: 'lldp-b' })).items.map((item) => item.id)).toEqual([neighbour.id]);

    const unknownPort = await store.collections.lldpNeighbours.update(neighbour.id, { remotePort: 'Gi0/48' });
    expect(unknownPort).toMatchObject({ remoteDeviceId: remoteId, remoteInterfaceId: null });
    await store.collections.devices.delete(remoteId);
    expect(await store.collections.lldpNeighbours.get(neighbour.id)).toMatchObject({ remoteDeviceId: null, remoteInterfaceId: null });
  });

  it('matches no device when two at different sites share the name, and refuses an interface of another device', async () => {
    const localId = await device('lldp-c');
    await device('lldp-twin', siteId);
    await device('lldp-twin', otherSiteId);
    const local = await store.collections.interfaces.create({ deviceId: localId, name: 'Gi0/1' });
    const cdp = await store.collections.lldpNeighbours.create({ deviceId: localId, interfaceId: local.id, protocol: 'cdp', remoteChassisId: 'lldp-twin', remoteSystemName: 'lldp-twin', remotePort: 'Gi0/1' });
    expect(cdp).toMatchObject({ protocol: 'cdp', remoteDeviceId: null, remoteInterfaceId: null });
    const clash = await failureOf(store.collections.lldpNeighbours.create({ deviceId: localId, interfaceId: local.id, protocol: 'cdp', remoteChassisId: 'lldp-twin', remotePort: 'Gi0/1' }));
    expect(clash.code).toBe(ErrorCode.InventoryConflict);
    const otherId = await device('lldp-d');
    const wrong = await failureOf(store.collections.lldpNeighbours.create({ deviceId: otherId, interfaceId: local.id, remoteChassisId: 'x', remotePort: 'y' }));
    expect(wrong.fieldErrors).toEqual([{ field: 'interfaceId', message: 'is an interface of another device' }]);
  });
});

describe('inventory items', () => {
  it('creates ENTITY-MIB parts unique by name per device, filtered by class and serial', async () => {
    const deviceId = await device('items-sw1');
    const chassis = await store.collections.inventoryItems.create({ deviceId, name: 'Chassis', class: 'chassis', partId: 'WS-C3560-24PS', serial: 'CAT0933Z0XX', softwareVersion: '12.2(25)SEE2' });
    await store.collections.inventoryItems.create({ deviceId, name: 'PSU 1', class: 'powerSupply', serial: 'PSU-1' });
    expect(chassis).toMatchObject({ class: 'chassis', partId: 'WS-C3560-24PS', firmwareVersion: '', description: '' });
    expect((await store.collections.inventoryItems.find({ serial: 'CAT0933Z0XX' })).items.map((item) => item.id)).toEqual([chassis.id]);
    expect((await store.collections.inventoryItems.find({ device: 'items-sw1', class: 'powerSupply' })).items.map((item) => item.name)).toEqual(['PSU 1']);
    expect((await failureOf(store.collections.inventoryItems.create({ deviceId, name: 'Chassis' }))).code).toBe(ErrorCode.InventoryConflict);
    expect((await failureOf(store.collections.inventoryItems.create({ deviceId, name: 'Fan', class: 'blower' as never }))).fieldErrors?.[0]?.field).toBe('class');
  });
});

describe('device facts', () => {
  it('are null until recorded, then read with the device; a device create or patch cannot set them', async () => {
    const deviceId = await device('facts-sw1');
    expect((await store.collections.devices.get(deviceId))?.facts).toEqual({ vendor: null, model: null, serial: null, osVersion: null, hostname: null, uptime: null, lastCollectedAt: null });
    const recorded = await store.recordDeviceFacts(deviceId, { vendor: 'Cisco', model: 'WS-C3560-24PS', serial: 'CAT0933Z0XX', osVersion: '12.2(25)SEE2', hostname: 'facts-sw1', uptime: 3_000_000_000, lastCollectedAt: '2026-12-01T10:00:00Z' });
    expect(recorded.facts).toEqual({ vendor: 'Cisco', model: 'WS-C3560-24PS', serial: 'CAT0933Z0XX', osVersion: '12.2(25)SEE2', hostname: 'facts-sw1', uptime: 3_000_000_000, lastCollectedAt: '2026-12-01T10:00:00.000Z' });
    const later = await store.recordDeviceFacts(deviceId, { uptime: 60 });
    expect(later.facts).toMatchObject({ vendor: 'Cisco', uptime: 60 });
    expect(Date.parse(later.facts.lastCollectedAt as string)).toBeGreaterThan(Date.parse('2026-12-01T10:00:00Z'));
    expect(await store.collections.devices.get(deviceId)).toEqual(later);

    const patched = await failureOf(store.collections.devices.update(deviceId, { facts: { vendor: 'Juniper' } } as never));
    expect(patched.fieldErrors).toEqual([{ field: 'facts', message: 'is not a field of a device' }]);
    expect((await failureOf(store.recordDeviceFacts(deviceId, { uptime: -1 }))).fieldErrors).toEqual([{ field: 'uptime', message: `must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}` }]);
    expect((await failureOf(store.recordDeviceFacts(randomUUID(), { vendor: 'Cisco' }))).code).toBe(ErrorCode.InventoryObjectNotFound);
  });

  it('are recorded as a change of a session and come back when a dry run replays it', async () => {
    const deviceId = await device('facts-sw2');
    const firstStep = await store.withSession({ persist: false }, (session) => session.recordDeviceFacts(deviceId, { vendor: 'Juniper', lastCollectedAt: '2026-12-01T11:00:00Z' }));
    expect(firstStep.changes.map((change) => [change.model, change.op, change.id])).toEqual([['device', 'update', deviceId]]);
    expect((await store.collections.devices.get(deviceId))?.facts.vendor).toBeNull();
    const secondStep = await store.withSession({ persist: false }, async (session) => {
      await session.replay(firstStep.changes);
      return (await session.devices.get(deviceId))?.facts;
    });
    expect(secondStep.result).toMatchObject({ vendor: 'Juniper', lastCollectedAt: '2026-12-01T11:00:00.000Z' });
  });
});

describe('deleting a device', () => {
  it('deletes what hangs off it and leaves its IP addresses unassigned', async () => {
    const deviceId = await device('cascade-sw1');
    const iface = await store.collections.interfaces.create({ deviceId, name: 'Gi0/1' });
    const address = await store.collections.ipAddresses.create({ address: '198.51.100.1/24', interfaceId: iface.id });
    await store.collections.ipNeighbours.create({ deviceId, interfaceId: iface.id, ip: '198.51.100.2', mac: 'aabbccddeeff' });
    await store.collections.macEntries.create({ deviceId, interfaceId: iface.id, mac: 'aabbccddeeff' });
    await store.collections.lldpNeighbours.create({ deviceId, interfaceId: iface.id, remoteChassisId: 'c', remotePort: 'p' });
    await store.collections.inventoryItems.create({ deviceId, name: 'Chassis' });
    await store.collections.devices.delete(deviceId);
    for (const collection of [store.collections.interfaces, store.collections.ipNeighbours, store.collections.macEntries, store.collections.lldpNeighbours, store.collections.inventoryItems]) {
      expect((await collection.find({ device: deviceId })).total).toBe(0);
    }
    expect(await store.collections.ipAddresses.get(address.id)).toMatchObject({ interfaceId: null, deviceId: null });
  });
});
