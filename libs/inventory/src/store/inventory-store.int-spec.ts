/**
 * The inventory store's collections against a real Postgres database of its own (migrated, dropped afterwards):
 * create, read, update and delete of every model, validation against what exists, filters with their totals,
 * conflicts, records in use, and `findExisting`.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, type DeviceRole, type Platform, type Site, type Tag } from '@yardmaster/contracts';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '@yardmaster/database';
import { createInventoryDataSource } from '../data-source';
import { failureOf } from '../test-support/failure-of';
import { InventoryStore } from './inventory-store';
import { storeCredentialSetRow } from '../credentials/test-support/stored-credential-set';

jest.setTimeout(30_000);

let db: EmptyTestDatabase;
let dataSource: DataSource;
let store: InventoryStore;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'inventory-tests').initialize();
  await runPendingMigrations(dataSource);
  store = new InventoryStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('sites, device roles, platforms and tags', () => {
  it('creates a site with its slug and defaults, reads, updates and deletes it', async () => {
    const site = await store.collections.sites.create({ name: 'Amsterdam 1' });
    expect(site).toMatchObject({ name: 'Amsterdam 1', slug: 'amsterdam-1', status: 'active', description: '' });
    expect(Date.parse(site.createdAt)).toBeGreaterThan(0);
    expect(site.updatedAt).toBe(site.createdAt);

    expect(await store.collections.sites.get(site.id)).toEqual(site);

    const renamed = await store.collections.sites.update(site.id, { name: 'Amsterdam One', status: 'retired' });
    expect(renamed).toMatchObject({ id: site.id, name: 'Amsterdam One', slug: 'amsterdam-1', status: 'retired' });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(site.updatedAt));

    await store.collections.sites.delete(site.id);
    expect(await store.collections.sites.get(site.id)).toBeNull();
  });

  it('gives roles and tags a default colour and platforms a driver', async () => {
    const role = await store.collections.deviceRoles.create({ name: 'Spine' });
    const tag = await store.collections.tags.create({ name: 'Critical', color: 'F44336', description: 'Page someone' });
    const platform = await store.collections.platforms.create({ name: 'Junos', networkDriver: 'juniper_junos' });
    expect(role).toMatchObject({ slug: 'spine', color: '9e9e9e' });
    expect(tag).toMatchObject({ slug: 'critical', color: 'f44336', description: 'Page someone' });
    expect(platform).toMatchObject({ slug: 'junos', networkDriver: 'juniper_junos' });
  });

  it('answers null for an unknown id, and 404 to change or delete it', async () => {
    expect(await store.collections.sites.get(randomUUID())).toBeNull();
    expect(await store.collections.sites.get('not-a-uuid')).toBeNull();
    expect((await failureOf(store.collections.sites.update(randomUUID(), { status: 'active' }))).code).toBe(ErrorCode.InventoryObjectNotFound);
    expect((await failureOf(store.collections.tags.delete('not-a-uuid'))).code).toBe(ErrorCode.InventoryObjectNotFound);
    expect((await failureOf(store.collections.devices.delete(randomUUID()))).code).toBe(ErrorCode.InventoryObjectNotFound);
  });

  it('refuses a name taken in any case and a slug taken, naming the field', async () => {
    const first = await store.collections.sites.create({ name: 'Rotterdam', slug: 'rtm' });

    const sameName = await failureOf(store.collections.sites.create({ name: 'ROTTERDAM', slug: 'rtm-2' }));
    expect(sameName.code).toBe(ErrorCode.InventoryConflict);
    expect(sameName.fieldErrors).toEqual([{ field: 'name', message: 'is already used by another site' }]);
    expect(sameName.details).toEqual({ field: 'name', conflictingId: first.id });

    const sameSlug = await failureOf(store.collections.sites.create({ name: 'Rotterdam 2', slug: 'rtm' }));
    expect(sameSlug.fieldErrors).toEqual([{ field: 'slug', message: 'is already used by another site' }]);

    const other = await store.collections.sites.create({ name: 'Utrecht' });
    expect((await failureOf(store.collections.sites.update(other.id, { slug: 'rtm' }))).code).toBe(ErrorCode.InventoryConflict);
    // A record may keep its own name and slug.
    expect(await store.collections.sites.update(first.id, { name: 'Rotterdam', slug: 'rtm' })).toMatchObject({ name: 'Rotterdam' });
  });

  it('refuses bad fields with one error each', async () => {
    const failure = await failureOf(store.collections.tags.create({ name: '', color: 'red', shade: 1 } as never));
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors).toEqual([
      { field: 'shade', message: 'is not a field of a tag' },
      { field: 'name', message: 'must be a non-empty string' },
      { field: 'color', message: 'must be six hex digits without #, e.g. 9e9e9e' },
    ]);
  });
});

describe('devices', () => {
  let site: Site;
  let otherSite: Site;
  let role: DeviceRole;
  let platform: Platform;
  let core: Tag;

  beforeAll(async () => {
    site = await store.collections.sites.create({ name: 'Device Site', slug: 'dev-site' });
    otherSite = await store.collections.sites.create({ name: 'Device Site 2', slug: 'dev-site-2' });
    role = await store.collections.deviceRoles.create({ name: 'Device Edge', slug: 'dev-edge' });
    platform = await store.collections.platforms.create({ name: 'Device EOS', slug: 'dev-eos', networkDriver: 'arista_eos' });
    core = await store.collections.tags.create({ name: 'Device Core', slug: 'dev-core' });
    await store.collections.tags.create({ name: 'Device Lab', slug: 'dev-lab' });
    await storeCredentialSetRow(dataSource, 'lab');
  });

  it('creates a device with canonical address, management defaults and sorted tags', async () => {
    const device = await store.collections.devices.create({
      name: 'edge-1',
      siteId: site.id,
      roleId: role.id,
      platformId: platform.id,
      primaryAddress: '2001:DB8::0010/64',
      oobAddress: '198.51.100.10/24',
      management: { protocol: 'netconf', port: undefined as never, credentialsRef: 'lab' },
      tags: ['dev-lab', 'dev-core', 'dev-lab'],
    });
    expect(device).toMatchObject({
      name: 'edge-1',
      siteId: site.id,
      roleId: role.id,
      platformId: platform.id,
      status: 'active',
      primaryAddress: '2001:db8::10/64',
      oobAddress: '198.51.100.10/24',
      management: { protocol: 'netconf', port: 830, credentialsRef: 'lab' },
      tags: ['dev-core', 'dev-lab'],
    });
    expect(await store.collections.devices.get(device.id)).toEqual(device);
  });

  it('checks references against what exists, one error per field', async () => {
    const failure = await failureOf(
      store.collections.devices.create({ name: 'edge-x', siteId: randomUUID(), roleId: 'nope', platformId: randomUUID(), tags: ['dev-core', 'ghost', 'phantom'] }),
    );
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors).toEqual([
      { field: 'siteId', message: 'no site has this id' },
      { field: 'roleId', message: 'no device role has this id' },
      { field: 'platformId', message: 'no platform has this id' },
      { field: 'tags', message: 'no tag has the slug ghost, phantom' },
    ]);
  });

  it('keeps device names unique per site, in any case', async () => {
    await store.collections.devices.create({ name: 'dup-1', siteId: site.id, roleId: role.id });
    const failure = await failureOf(store.collections.devices.create({ name: 'DUP-1', siteId: site.id, roleId: role.id }));
    expect(failure.code).toBe(ErrorCode.InventoryConflict);
    expect(failure.fieldErrors).toEqual([{ field: 'name', message: 'is already used by another device at this site' }]);
    expect(await store.collections.devices.create({ name: 'dup-1', siteId: otherSite.id, roleId: role.id })).toMatchObject({ siteId: otherSite.id });
  });

  it('patches fields and replaces the tag list', async () => {
    const device = await store.collections.devices.create({ name: 'patch-1', siteId: site.id, roleId: role.id, tags: ['dev-core'] });
    const patched = await store.collections.devices.update(device.id, { status: 'offline', tags: ['dev-lab'], primaryAddress: '192.0.2.1/24' });
    expect(patched).toMatchObject({ status: 'offline', tags: ['dev-lab'], primaryAddress: '192.0.2.1/24', name: 'patch-1' });
    const untouched = await store.collections.devices.update(device.id, { management: { protocol: 'ssh', port: 2222, credentialsRef: null } });
    expect(untouched).toMatchObject({ tags: ['dev-lab'], management: { protocol: 'ssh', port: 2222, credentialsRef: null } });
  });

  it('keeps an out-of-band address beside the primary one: canonical, checked as it is, cleared by null', async () => {
    const device = await store.collections.devices.create({ name: 'oob-1', siteId: site.id, roleId: role.id, primaryAddress: '192.0.2.20/24' });
    expect(device.oobAddress).toBeNull();
    const patched = await store.collections.devices.update(device.id, { oobAddress: '2001:DB8:FF::0020/64' });
    expect(patched).toMatchObject({ primaryAddress: '192.0.2.20/24', oobAddress: '2001:db8:ff::20/64' });
    expect(await store.collections.devices.get(device.id)).toEqual(patched);
    const failure = await failureOf(store.collections.devices.update(device.id, { oobAddress: '198.51.100.20' }));
    expect(failure.fieldErrors).toEqual([{ field: 'oobAddress', message: 'must be an IP address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64' }]);
    await expect(store.collections.devices.update(device.id, { oobAddress: null })).resolves.toMatchObject({ oobAddress: null, primaryAddress: '192.0.2.20/24' });
  });

  it('refuses to delete a site, role or platform devices use, and takes a deleted tag off its devices', async () => {
    const busySite = await store.collections.sites.create({ name: 'Busy Site' });
    const busyPlatform = await store.collections.platforms.create({ name: 'Busy Platform' });
    const doomed = await store.collections.tags.create({ name: 'Doomed' });
    const devices = await Promise.all(
      ['busy-1', 'busy-2'].map((name) => store.collections.devices.create({ name, siteId: busySite.id, roleId: role.id, platformId: busyPlatform.id, tags: ['doomed', 'dev-core'] })),
    );

    const inUse = await failureOf(store.collections.sites.delete(busySite.id));
    expect(inUse.code).toBe(ErrorCode.InventoryObjectInUse);
    expect(inUse.message).toBe('The site "Busy Site" is used by 2 devices: move or delete them first');
    expect(inUse.details).toEqual({ devices: 2 });
    expect((await failureOf(store.collections.platforms.delete(busyPlatform.id))).code).toBe(ErrorCode.InventoryObjectInUse);

    await store.collections.tags.delete(doomed.id);
    expect((await store.collections.devices.get(devices[0]!.id))?.tags).toEqual(['dev-core']);

    await store.collections.devices.update(devices[0]!.id, { platformId: null });
    await store.collections.devices.delete(devices[1]!.id);
    await store.collections.platforms.delete(busyPlatform.id);
    expect(await store.collections.platforms.get(busyPlatform.id)).toBeNull();
    expect(await store.collections.devices.get(devices[0]!.id)).toMatchObject({ platformId: null });
  });

  it('reports which ids exist, with their records', async () => {
    const device = await store.collections.devices.create({ name: 'exists-1', siteId: site.id, roleId: role.id });
    const ghost = randomUUID();
    const { records, missing } = await store.findExisting('device', [device.id, ghost, 'not-a-uuid']);
    expect([...records.keys()]).toEqual([device.id]);
    expect(records.get(device.id)).toMatchObject({ name: 'exists-1', tags: [] });
    expect(missing).toEqual([ghost, 'not-a-uuid']);
    expect((await store.findExisting('site', [site.id])).records.get(site.id)).toMatchObject({ slug: 'dev-site' });
    expect(core.slug).toBe('dev-core');
  });
});

describe('listing', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const north = await store.collections.sites.create({ name: 'List North', slug: 'list-north', status: 'planned' });
    const south = await store.collections.sites.create({ name: 'List South', slug: 'list-south' });
    const leaf = await store.collections.deviceRoles.create({ name: 'List Leaf', slug: 'list-leaf' });
    const spine = await store.collections.deviceRoles.create({ name: 'List Spine', slug: 'list-spine' });
    const ios = await store.collections.platforms.create({ name: 'List IOS', slug: 'list-ios' });
    await store.collections.tags.create({ name: 'List Gold', slug: 'list-gold' });
    await store.collections.tags.create({ name: 'List 100% Pure', slug: 'list-pure' });
    Object.assign(ids, { north: north.id, south: south.id, leaf: leaf.id, spine: spine.id, ios: ios.id });
    // Twelve devices: four at the north site (two tagged gold and pure), eight at the south.
    for (let index = 1; index <= 12; index++) {
      const device = await store.collections.devices.create({
        name: `lst-${String(index).padStart(2, '0')}`,
        siteId: index <= 4 ? north.id : south.id,
        roleId: index % 2 === 0 ? spine.id : leaf.id,
        platformId: index <= 3 ? ios.id : null,
        status: index === 12 ? 'offline' : 'active',
        primaryAddress: index <= 5 ? `198.51.100.${index}/24` : null,
        oobAddress: index >= 10 ? `203.0.113.${index}/24` : null,
        tags: index <= 2 ? ['list-gold', 'list-pure'] : index <= 6 ? ['list-gold'] : [],
      });
      ids[device.name] = device.id;
    }
  });

  it('orders by name, pages, and counts every match', async () => {
    const first = await store.collections.devices.find({ q: 'lst-' }, { limit: 5 });
    expect(first.total).toBe(12);
    expect(first.items.map((device) => device.name)).toEqual(['lst-01', 'lst-02', 'lst-03', 'lst-04', 'lst-05']);
    const last = await store.collections.devices.find({ q: 'LST-' }, { limit: 5, offset: 10 });
    expect(last.items.map((device) => device.name)).toEqual(['lst-11', 'lst-12']);
    expect(last.total).toBe(12);
  });

  it('filters devices by site, role and platform given by id or slug', async () => {
    expect((await store.collections.devices.find({ site: 'list-north' })).total).toBe(4);
    expect((await store.collections.devices.find({ site: ids.south })).total).toBe(8);
    expect((await store.collections.devices.find({ site: 'list-south', role: 'list-spine' })).total).toBe(4);
    expect((await store.collections.devices.find({ role: ids.leaf, platform: 'list-ios' })).items.map((device) => device.name)).toEqual(['lst-01', 'lst-03']);
    expect((await store.collections.devices.find({ site: 'no-such-site' })).total).toBe(0);
  });

  it('filters devices by status, all tags, primary and out-of-band address, name and ids', async () => {
    expect((await store.collections.devices.find({ q: 'lst-', status: 'offline' })).items.map((device) => device.name)).toEqual(['lst-12']);
    expect((await store.collections.devices.find({ tag: ['list-gold'] })).total).toBe(6);
    expect((await store.collections.devices.find({ tag: ['list-gold', 'list-pure'] })).total).toBe(2);
    expect((await store.collections.devices.find({ q: 'lst-', hasPrimaryAddress: true })).total).toBe(5);
    expect((await store.collections.devices.find({ q: 'lst-', hasPrimaryAddress: false })).total).toBe(7);
    expect((await store.collections.devices.find({ q: 'lst-', hasOobAddress: true })).items.map((device) => device.name)).toEqual(['lst-10', 'lst-11', 'lst-12']);
    expect((await store.collections.devices.find({ q: 'lst-', hasPrimaryAddress: false, hasOobAddress: false })).total).toBe(4);
    expect((await store.collections.devices.find({ name: 'lst-07' })).items.map((device) => device.id)).toEqual([ids['lst-07']]);
    const byIds = await store.collections.devices.find({ id: [ids['lst-09']!, ids['lst-02']!, randomUUID(), 'junk'] });
    expect(byIds.items.map((device) => device.name)).toEqual(['lst-02', 'lst-09']);
    expect((await store.collections.devices.find({ id: [] })).total).toBe(0);
  });

  it('checks that given ids match a filter, as the scheduler does', async () => {
    const page = await store.collections.devices.find({ site: 'list-north', id: [ids['lst-01']!, ids['lst-11']!] }, { limit: 2 });
    expect(page.items.map((device) => device.name)).toEqual(['lst-01']);
  });

  it('filters named records by q, name, slug, status and id; q matches % and _ literally', async () => {
    expect((await store.collections.sites.find({ q: 'list ' })).total).toBe(2);
    expect((await store.collections.sites.find({ q: 'list', status: 'planned' })).items.map((site) => site.slug)).toEqual(['list-north']);
    expect((await store.collections.sites.find({ name: 'List South' })).items.map((site) => site.id)).toEqual([ids.south]);
    expect((await store.collections.deviceRoles.find({ slug: 'list-spine' })).total).toBe(1);
    expect((await store.collections.deviceRoles.find({ id: [ids.leaf!, ids.spine!] })).total).toBe(2);
    expect((await store.collections.tags.find({ q: '100%' })).items.map((tag) => tag.slug)).toEqual(['list-pure']);
    expect((await store.collections.tags.find({ q: 'list_' })).total).toBe(0);
  });

  it('refuses bad filters and paging with field errors', async () => {
    const badFilter = await failureOf(store.collections.sites.find({ status: 'open', colour: 'red' } as never));
    expect(badFilter.code).toBe(ErrorCode.ValidationFailed);
    expect(badFilter.fieldErrors).toEqual([
      { field: 'status', message: 'must be one of planned, staging, active, decommissioning, retired' },
      { field: 'colour', message: 'is not a filter of sites' },
    ]);
    const badPage = await failureOf(store.collections.devices.find({}, { limit: 1001, offset: -1 }));
    expect(badPage.fieldErrors).toEqual([
      { field: 'limit', message: 'must be a whole number from 1 to 1000' },
      { field: 'offset', message: 'must be a whole number from 0' },
    ]);
  });
});
