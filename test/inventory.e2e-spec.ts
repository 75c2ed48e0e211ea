/**
 * The inventory through the REST API of the whole stack (the four services as processes, on a database of their
 * own): sites, roles, platforms, tags and devices created over HTTP, found by filters with totals that match,
 * paged, and refused with 400, 404 and 409 where they should be.
 */
import { uniqueSuffix } from './support/unique-names';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

// The shared stack holds other files' inventory: this file's sites, role, platform and tags have names (and so
// slugs) of their own, and every filter it counts is narrowed to them. A device's name is unique only in its site.
const SUFFIX = uniqueSuffix();
const AMS = { name: `Amsterdam 1 ${SUFFIX}`, slug: `amsterdam-1-${SUFFIX}` };
const FRA = `fra2-${SUFFIX}`;
const CORE = `core-${SUFFIX}`;
const MONITORED = `monitored-${SUFFIX}`;
const LAB_CREDENTIALS = `lab-${SUFFIX}`;

describe('the inventory through the REST API', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Any method; a 204 has no body. */
  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; location: string | null; body: any }> {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: stack.admin.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, location: response.headers.get('location'), body: text ? JSON.parse(text) : null };
  }

  async function create(path: string, body: object): Promise<any> {
    const created = await send('POST', `/api/inventory/${path}`, body);
    if (created.status !== 201) throw new Error(`POST ${path}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  const ids: Record<string, string> = {};

  it('creates sites, a role, a platform, tags and devices', async () => {
    const ams = await send('POST', '/api/inventory/sites', { name: AMS.name, description: 'Science Park' });
    expect(ams.status).toBe(201);
    expect(ams.location).toBe(`/api/inventory/sites/${ams.body.id}`);
    expect(ams.body).toMatchObject({ name: AMS.name, slug: AMS.slug, status: 'active', description: 'Science Park' });
    ids.ams = ams.body.id;
    ids.fra = (await create('sites', { name: `Frankfurt 2 ${SUFFIX}`, slug: FRA, status: 'planned' })).id;
    ids.edge = (await create('device-roles', { name: `Edge Router ${SUFFIX}`, color: '2196F3' })).id;
    ids.eos = (await create('platforms', { name: `Arista EOS ${SUFFIX}`, networkDriver: 'arista_eos' })).id;
    await create('tags', { name: `Core ${SUFFIX}` });
    await create('tags', { name: `Monitored ${SUFFIX}`, color: '4caf50' });
    // A device's credentialsRef names a credential set that exists.
    expect((await send('POST', '/api/credentials', { name: LAB_CREDENTIALS, kind: 'ssh', username: 'netops', password: `pw-${SUFFIX}` })).status).toBe(201);

    const device = await send('POST', '/api/inventory/devices', {
      name: 'edge-ams1-01',
      siteId: ids.ams,
      roleId: ids.edge,
      platformId: ids.eos,
      primaryAddress: '192.0.2.10/24',
      management: { protocol: 'ssh', credentialsRef: LAB_CREDENTIALS },
      tags: [MONITORED, CORE],
    });
    expect(device.status).toBe(201);
    expect(device.body).toMatchObject({
      siteId: ids.ams,
      status: 'active',
      primaryAddress: '192.0.2.10/24',
      management: { protocol: 'ssh', port: 22, credentialsRef: LAB_CREDENTIALS },
      tags: [CORE, MONITORED],
    });
    ids.device = device.body.id;
    // Eleven more: five at Amsterdam, six at Frankfurt (those three tagged core, none with an address).
    for (let index = 2; index <= 12; index++) {
      await create('devices', {
        name: `edge-${String(index).padStart(2, '0')}`,
        siteId: index <= 6 ? ids.ams : ids.fra,
        roleId: ids.edge,
        primaryAddress: index <= 6 ? `2001:db8::${index}/64` : null,
        tags: index >= 10 ? [CORE] : [],
      });
    }
    expect((await send('GET', `/api/inventory/devices/${ids.device}`)).body).toEqual(device.body);
  });

  it('filters devices, with totals that match every page', async () => {
    const amsterdam = await send('GET', `/api/inventory/devices?site=${AMS.slug}&limit=4`);
    expect(amsterdam.status).toBe(200);
    expect(amsterdam.body).toMatchObject({ total: 6, limit: 4, offset: 0 });
    expect(amsterdam.body.items).toHaveLength(4);
    const rest = await send('GET', `/api/inventory/devices?site=${ids.ams}&limit=4&offset=4`);
    expect(rest.body).toMatchObject({ total: 6, offset: 4 });
    expect([...amsterdam.body.items, ...rest.body.items].map((item: { name: string }) => item.name)).toEqual([
      'edge-02',
      'edge-03',
      'edge-04',
      'edge-05',
      'edge-06',
      'edge-ams1-01',
    ]);

    expect((await send('GET', `/api/inventory/devices?tag=${CORE}`)).body.total).toBe(4);
    expect((await send('GET', `/api/inventory/devices?tag=${CORE}&tag=${MONITORED}`)).body.total).toBe(1);
    expect((await send('GET', `/api/inventory/devices?tag=${CORE},${MONITORED}`)).body.total).toBe(1);
    expect((await send('GET', `/api/inventory/devices?site=${FRA}&has_primary_address=false`)).body.total).toBe(6);
    expect((await send('GET', `/api/inventory/devices?has_primary_address=true&platform=arista-eos-${SUFFIX}`)).body.items.map((item: { id: string }) => item.id)).toEqual([ids.device]);
    expect((await send('GET', `/api/inventory/devices?role=edge-router-${SUFFIX}&q=EDGE-1`)).body.total).toBe(3);
    expect((await send('GET', `/api/inventory/sites?status=planned&id=${ids.ams},${ids.fra}`)).body.items.map((site: { slug: string }) => site.slug)).toEqual([FRA]);
    expect((await send('GET', `/api/inventory/sites?id=${ids.ams},${ids.fra}`)).body.total).toBe(2);
  });

  it('patches a device, and moves it between sites', async () => {
    const patched = await send('PATCH', `/api/inventory/devices/${ids.device}`, { status: 'offline', siteId: ids.fra, tags: [CORE] });
    expect(patched).toMatchObject({ status: 200, body: { status: 'offline', siteId: ids.fra, tags: [CORE], name: 'edge-ams1-01' } });
    expect((await send('GET', `/api/inventory/devices?site=${FRA}`)).body.total).toBe(7);
  });

  it('refuses bad input with 400, unknown ids with 404 and duplicates with 409', async () => {
    const bad = await send('POST', '/api/inventory/devices', {
      name: 'bad-1',
      siteId: '00000000-0000-4000-8000-000000000000',
      roleId: ids.edge,
      primaryAddress: '192.0.2.300/24',
      management: { protocol: 'ssh', port: 0 },
      tags: ['nope'],
      rack: 'A1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.fieldErrors).toEqual([
      { field: 'rack', message: 'is not a field of a device' },
      { field: 'primaryAddress', message: 'must be an IP address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64' },
      { field: 'management.port', message: 'must be a whole number from 1 to 65535' },
      { field: 'siteId', message: 'no site has this id' },
      { field: 'tags', message: 'no tag has the slug nope' },
    ]);
    const badQuery = await send('GET', '/api/inventory/devices?status=sleeping&limit=5000&color=red');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual(['color', 'limit', 'status']);

    expect(await send('GET', '/api/inventory/tags/00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, body: { code: 'INVENTORY_OBJECT_NOT_FOUND' } });
    expect((await send('PATCH', '/api/inventory/platforms/not-an-id', { name: 'x' })).status).toBe(404);
    expect((await send('DELETE', '/api/inventory/device-roles/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const taken = await send('POST', '/api/inventory/sites', { name: AMS.name.toUpperCase() });
    expect(taken).toMatchObject({ status: 409, body: { code: 'INVENTORY_CONFLICT', fieldErrors: [{ field: 'name' }] } });
    const takenSlug = await send('PATCH', `/api/inventory/sites/${ids.fra}`, { slug: AMS.slug });
    expect(takenSlug).toMatchObject({ status: 409, body: { code: 'INVENTORY_CONFLICT', fieldErrors: [{ field: 'slug' }] } });
    const sameName = await send('POST', '/api/inventory/devices', { name: 'EDGE-02', siteId: ids.ams, roleId: ids.edge });
    expect(sameName).toMatchObject({ status: 409, body: { code: 'INVENTORY_CONFLICT' } });
  });

  it('refuses to delete what devices use, deletes what they do not, and takes a deleted tag off devices', async () => {
    const inUse = await send('DELETE', `/api/inventory/sites/${ids.ams}`);
    expect(inUse).toMatchObject({ status: 409, body: { code: 'INVENTORY_OBJECT_IN_USE', message: `The site "${AMS.name}" is used by 5 devices: move or delete them first` } });
    expect((await send('DELETE', `/api/inventory/device-roles/${ids.edge}`)).body.code).toBe('INVENTORY_OBJECT_IN_USE');

    const core = (await send('GET', `/api/inventory/tags?slug=${CORE}`)).body.items[0];
    expect(await send('DELETE', `/api/inventory/tags/${core.id}`)).toMatchObject({ status: 204, body: null });
    expect((await send('GET', `/api/inventory/devices/${ids.device}`)).body.tags).toEqual([]);
    expect((await send('GET', `/api/inventory/devices?tag=${CORE}`)).body.total).toBe(0);

    const amsterdamDevices = (await send('GET', `/api/inventory/devices?site=${AMS.slug}`)).body.items as Array<{ id: string }>;
    for (const device of amsterdamDevices) expect((await send('DELETE', `/api/inventory/devices/${device.id}`)).status).toBe(204);
    expect((await send('DELETE', `/api/inventory/sites/${ids.ams}`)).status).toBe(204);
    expect((await send('GET', `/api/inventory/sites?id=${ids.ams},${ids.fra}`)).body).toMatchObject({ total: 1, items: [{ slug: FRA }] });
  });

  it('shows the inventory endpoints in the OpenAPI document', async () => {
    const { body } = await stack.getJson('/api/docs-json');
    for (const path of ['sites', 'device-roles', 'platforms', 'tags', 'devices']) {
      expect(Object.keys(body.paths[`/api/inventory/${path}`]).sort()).toEqual(['get', 'post']);
      expect(Object.keys(body.paths[`/api/inventory/${path}/{id}`]).sort()).toEqual(['delete', 'get', 'patch']);
    }
    expect(body.paths['/api/inventory/devices'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['site', 'role', 'platform', 'tag', 'has_primary_address', 'limit', 'offset']),
    );
  });
});
