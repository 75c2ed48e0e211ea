/**
 * The inventory's REST controllers over HTTP against a real Postgres database of its own (migrated, dropped
 * afterwards), with the error filter: status codes, Location, paging and the error bodies. Nothing here talks
 * to NATS; the whole stack is in test/inventory.e2e-spec.ts.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { createInventoryDataSource, InventoryStore } from '@yardmaster/inventory';
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import type { DataSource } from 'typeorm';
import { ErrorFilter } from '../http/error.filter';
import { INVENTORY_HTTP_CONTROLLERS } from './inventory-http-controllers';

jest.setTimeout(30_000);

let db: TestDatabase;
let dataSource: DataSource;
let app: INestApplication | null = null;
let baseUrl: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'inventory-http-tests').initialize();
  @Module({
    controllers: INVENTORY_HTTP_CONTROLLERS,
    providers: [
      { provide: InventoryStore, useValue: new InventoryStore(dataSource) },
      { provide: APP_FILTER, useClass: ErrorFilter },
    ],
  })
  class InventoryHttpTestModule {}
  app = await NestFactory.create(InventoryHttpTestModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.close();
  await dataSource?.destroy();
  await db?.drop();
});

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; location: string | null; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, location: response.headers.get('location'), body: text ? JSON.parse(text) : null };
}

describe('inventory over HTTP', () => {
  it('creates with 201 and a Location, reads, patches with 200 and deletes with 204', async () => {
    const created = await send('POST', '/api/inventory/platforms', { name: 'NX-OS', networkDriver: 'cisco_nxos' });
    expect(created.status).toBe(201);
    expect(created.location).toBe(`/api/inventory/platforms/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'NX-OS', slug: 'nx-os', networkDriver: 'cisco_nxos', description: '' });

    expect((await send('GET', created.location!)).body).toEqual(created.body);
    const patched = await send('PATCH', created.location!, { description: 'Nexus' });
    expect(patched).toMatchObject({ status: 200, body: { description: 'Nexus', slug: 'nx-os' } });

    const deleted = await send('DELETE', created.location!);
    expect(deleted).toMatchObject({ status: 204, body: null });
    expect((await send('GET', created.location!)).body).toMatchObject({ code: 'INVENTORY_OBJECT_NOT_FOUND' });
  });

  it('lists with filters, paging and the total', async () => {
    for (const name of ['HTTP A', 'HTTP B', 'HTTP C']) await send('POST', '/api/inventory/tags', { name });
    const page = await send('GET', '/api/inventory/tags?q=http&limit=2&offset=1');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((tag: { slug: string }) => tag.slug)).toEqual(['http-b', 'http-c']);
  });

  it('answers 400 with field errors, 404 and 409 with their codes', async () => {
    const bad = await send('POST', '/api/inventory/sites', { name: '', status: 'open', extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.body.fieldErrors.map((error: { field: string }) => error.field)).toEqual(['extra', 'name', 'status']);

    const query = await send('GET', '/api/inventory/devices?has_primary_address=maybe&limit=0');
    expect(query.status).toBe(400);
    expect(query.body.fieldErrors.map((error: { field: string }) => error.field)).toEqual(['has_primary_address', 'limit']);

    expect((await send('PATCH', '/api/inventory/sites/00000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
    expect((await send('DELETE', '/api/inventory/devices/not-a-uuid')).status).toBe(404);

    await send('POST', '/api/inventory/sites', { name: 'HTTP Site' });
    const duplicate = await send('POST', '/api/inventory/sites', { name: 'http site', slug: 'other' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'INVENTORY_CONFLICT', fieldErrors: [{ field: 'name' }] });
  });

  it("keeps a device's out-of-band address beside its primary one: created, read, patched, cleared, refused when malformed", async () => {
    const site = await send('POST', '/api/inventory/sites', { name: 'OOB Site' });
    const role = await send('POST', '/api/inventory/device-roles', { name: 'OOB Role' });
    const created = await send('POST', '/api/inventory/devices', { name: 'oob-1', siteId: site.body.id, roleId: role.body.id, primaryAddress: '192.0.2.30/24', oobAddress: '2001:DB8:FF::0030/64' });
    expect(created).toMatchObject({ status: 201, body: { primaryAddress: '192.0.2.30/24', oobAddress: '2001:db8:ff::30/64' } });
    expect((await send('GET', `/api/inventory/devices/${created.body.id}`)).body).toMatchObject({ oobAddress: '2001:db8:ff::30/64' });
    expect((await send('PATCH', `/api/inventory/devices/${created.body.id}`, { oobAddress: '198.51.100.30/24' })).body).toMatchObject({ oobAddress: '198.51.100.30/24', primaryAddress: '192.0.2.30/24' });
    expect((await send('GET', '/api/inventory/devices?q=oob-&has_oob_address=true')).body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    expect((await send('GET', '/api/inventory/devices?q=oob-&has_oob_address=false')).body).toMatchObject({ total: 0 });
    const bad = await send('PATCH', `/api/inventory/devices/${created.body.id}`, { oobAddress: 'console-server' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'oobAddress' }] } });
    expect((await send('PATCH', `/api/inventory/devices/${created.body.id}`, { oobAddress: null })).body).toMatchObject({ oobAddress: null });
  });
});

describe('what collection plans find, over HTTP', () => {
  async function newDevice(name: string): Promise<{ id: string }> {
    const site = await send('POST', '/api/inventory/sites', { name: `${name} site` });
    const role = await send('POST', '/api/inventory/device-roles', { name: `${name} role` });
    return (await send('POST', '/api/inventory/devices', { name, siteId: site.body.id, roleId: role.body.id })).body;
  }

  it('creates an interface and an IP address on it in canonical form, lists them by device name, and shows the facts on the device', async () => {
    const device = await newDevice('http-sw1');
    expect((await send('GET', `/api/inventory/devices/${device.id}`)).body.facts).toEqual({
      vendor: null,
      model: null,
      serial: null,
      osVersion: null,
      hostname: null,
      uptime: null,
      lastCollectedAt: null,
    });
    const iface = await send('POST', '/api/inventory/interfaces', { deviceId: device.id, name: 'Gi0/1', type: 'ethernet', macAddress: 'AABB.CCDD.EEFF', speed: 1000000 });
    expect(iface).toMatchObject({ status: 201, location: `/api/inventory/interfaces/${iface.body.id}`, body: { macAddress: 'aa:bb:cc:dd:ee:ff', speed: 1000000, enabled: true } });
    const address = await send('POST', '/api/inventory/ip-addresses', { address: '2001:DB8::1/64', interfaceId: iface.body.id });
    expect(address).toMatchObject({ status: 201, body: { address: '2001:db8::1/64', vrf: '', deviceId: device.id } });

    const listed = await send('GET', '/api/inventory/interfaces?device=http-sw1&mac_address=aa-bb-cc-dd-ee-ff&enabled=true');
    expect(listed.body).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ id: iface.body.id }] });
    expect((await send('GET', '/api/inventory/ip-addresses?device=http-sw1&address=2001:db8::1')).body.items.map((item: { id: string }) => item.id)).toEqual([address.body.id]);

    const duplicate = await send('POST', '/api/inventory/ip-addresses', { address: '2001:db8::1/128' });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'INVENTORY_CONFLICT', details: { field: 'address', conflictingId: address.body.id } } });

    expect((await send('DELETE', `/api/inventory/devices/${device.id}`)).status).toBe(204);
    expect((await send('GET', `/api/inventory/interfaces/${iface.body.id}`)).status).toBe(404);
    expect((await send('GET', `/api/inventory/ip-addresses/${address.body.id}`)).body).toMatchObject({ interfaceId: null, deviceId: null });
  });

  it('serves neighbours, the MAC table, LLDP neighbours and inventory items, with 400 for bad fields and filters', async () => {
    const device = await newDevice('http-sw2');
    const iface = (await send('POST', '/api/inventory/interfaces', { deviceId: device.id, name: 'Gi0/2' })).body;
    const created = await Promise.all([
      send('POST', '/api/inventory/ip-neighbours', { deviceId: device.id, interfaceId: iface.id, ip: '192.0.2.5', mac: 'aabbccddee05' }),
      send('POST', '/api/inventory/mac-entries', { deviceId: device.id, interfaceId: iface.id, vlan: 10, mac: 'aabbccddee05' }),
      send('POST', '/api/inventory/lldp-neighbours', { deviceId: device.id, interfaceId: iface.id, remoteChassisId: 'aa:bb:cc:00:00:01', remoteSystemName: 'http-sw1', remotePort: 'Gi0/1' }),
      send('POST', '/api/inventory/inventory-items', { deviceId: device.id, name: 'Chassis', class: 'chassis', serial: 'FOC123' }),
    ]);
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    expect(created[0]?.body).toMatchObject({ mac: 'aa:bb:cc:dd:ee:05', vrf: '' });
    expect(created[2]?.body).toMatchObject({ protocol: 'lldp', remoteDeviceId: null, remoteInterfaceId: null });
    expect((await send('GET', '/api/inventory/mac-entries?device=http-sw2&vlan=10')).body.total).toBe(1);
    expect((await send('GET', `/api/inventory/ip-neighbours?interface=${iface.id}&ip=192.0.2.5`)).body.total).toBe(1);
    expect((await send('GET', '/api/inventory/lldp-neighbours?device=http-sw2&protocol=lldp')).body.total).toBe(1);
    expect((await send('GET', '/api/inventory/inventory-items?device=http-sw2&class=chassis&serial=FOC123')).body.total).toBe(1);

    const bad = await send('POST', '/api/inventory/mac-entries', { deviceId: device.id, mac: 'nope', vlan: 5000, facts: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors.map((error: { field: string }) => error.field)).toEqual(['facts', 'vlan', 'mac']);
    const query = await send('GET', '/api/inventory/lldp-neighbours?protocol=stp&colour=red');
    expect(query.status).toBe(400);
    expect(query.body.fieldErrors.map((error: { field: string }) => error.field)).toEqual(['colour', 'protocol']);
    const patchFacts = await send('PATCH', `/api/inventory/devices/${device.id}`, { facts: { vendor: 'Cisco' } });
    expect(patchFacts.body.fieldErrors).toEqual([{ field: 'facts', message: 'is not a field of a device' }]);
  });
});
