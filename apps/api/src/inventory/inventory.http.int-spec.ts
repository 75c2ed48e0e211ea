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
});
