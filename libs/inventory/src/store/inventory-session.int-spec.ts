/**
 * `InventoryStore.withSession` against a real Postgres database of its own: one transaction for all the work,
 * committed or rolled back (always, for a dry run), the changes it records, and replaying a dry run's changes
 * into a later session, as the steps of a dry run do.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, YardError, type DeviceRole, type InventoryChange } from '@yardmaster/contracts';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '@yardmaster/database';
import { createInventoryDataSource } from '../data-source';
import { InventoryStore } from './inventory-store';

jest.setTimeout(30_000);

let db: EmptyTestDatabase;
let dataSource: DataSource;
let store: InventoryStore;
let role: DeviceRole;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'inventory-session-tests').initialize();
  await runPendingMigrations(dataSource);
  store = new InventoryStore(dataSource);
  role = await store.collections.deviceRoles.create({ name: 'Session Role' });
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('inventory sessions', () => {
  it('commits everything the work did when it persists', async () => {
    const { result, changes } = await store.withSession({ persist: true }, async (session) => {
      const site = await session.sites.create({ name: 'Persisted Site' });
      const device = await session.devices.create({ name: 'persisted-1', siteId: site.id, roleId: role.id });
      // The session reads its own writes before they are committed.
      expect((await session.devices.find({ site: site.slug })).total).toBe(1);
      expect(await store.collections.sites.get(site.id)).toBeNull();
      return device.id;
    });
    expect(changes.map((change) => [change.model, change.op])).toEqual([
      ['site', 'create'],
      ['device', 'create'],
    ]);
    expect(await store.collections.devices.get(result)).toMatchObject({ name: 'persisted-1' });
  });

  it('rolls a dry run back, still returning its result and changes', async () => {
    const existing = await store.collections.sites.create({ name: 'Dry Existing', status: 'planned' });
    const { result, changes } = await store.withSession({ persist: false }, async (session) => {
      const site = await session.sites.create({ name: 'Dry Site' });
      await session.sites.update(existing.id, { status: 'active' });
      const tag = await session.tags.create({ name: 'Dry Tag' });
      await session.tags.delete(tag.id);
      return site.id;
    });
    expect(await store.collections.sites.get(result)).toBeNull();
    expect(await store.collections.sites.get(existing.id)).toMatchObject({ status: 'planned' });
    expect(changes.map((change) => [change.model, change.op])).toEqual([
      ['site', 'create'],
      ['site', 'update'],
      ['tag', 'create'],
      ['tag', 'delete'],
    ]);
    expect(changes[0]).toMatchObject({ id: result, record: { id: result, name: 'Dry Site', slug: 'dry-site' } });
    expect(changes[1]).toMatchObject({ id: existing.id, record: { status: 'active' } });
    expect(changes[3]).toMatchObject({ model: 'tag', op: 'delete', record: null });
  });

  it('rolls back when the work throws, and the error goes on', async () => {
    let createdId = '';
    await expect(
      store.withSession({ persist: true }, async (session) => {
        createdId = (await session.sites.create({ name: 'Thrown Site' })).id;
        throw new Error('job failed');
      }),
    ).rejects.toThrow('job failed');
    expect(createdId).not.toBe('');
    expect(await store.collections.sites.get(createdId)).toBeNull();
  });

  it('keeps the transaction usable after a refused write, which is not recorded', async () => {
    await store.collections.sites.create({ name: 'Taken Site' });
    const { changes } = await store.withSession({ persist: true }, async (session) => {
      await expect(session.sites.create({ name: 'taken site' })).rejects.toMatchObject({ code: ErrorCode.InventoryConflict });
      await expect(session.devices.create({ name: 'x', siteId: randomUUID(), roleId: role.id })).rejects.toBeInstanceOf(YardError);
      return session.sites.create({ name: 'After Refusal' });
    });
    expect(changes).toHaveLength(1);
    expect((await store.collections.sites.find({ name: 'After Refusal' })).total).toBe(1);
  });

  it('runs calls made at once one after another, recording them in the order made', async () => {
    const { changes } = await store.withSession({ persist: false }, (session) =>
      Promise.all(['Parallel A', 'Parallel B', 'Parallel C'].map((name) => session.tags.create({ name }))),
    );
    expect(changes.map((change) => (change.record as { name: string }).name)).toEqual(['Parallel A', 'Parallel B', 'Parallel C']);
  });

  it("replays a dry run's changes so a later session sees them, without recording them again", async () => {
    const base = await store.collections.sites.create({ name: 'Replay Base', status: 'planned' });
    const kept = await store.collections.tags.create({ name: 'Replay Kept' });

    const firstStep = await store.withSession({ persist: false }, async (session) => {
      const site = await session.sites.create({ name: 'Replay Site' });
      const gold = await session.tags.create({ name: 'Replay Gold' });
      const device = await session.devices.create({ name: 'replay-1', siteId: site.id, roleId: role.id, tags: [gold.slug, kept.slug] });
      await session.sites.update(base.id, { status: 'active' });
      await session.tags.delete(kept.id);
      return device.id;
    });
    const deviceId = firstStep.result;
    expect(await store.collections.devices.get(deviceId)).toBeNull();

    const secondStep = await store.withSession({ persist: false }, async (session) => {
      await session.replay(firstStep.changes);
      expect(session.changes).toEqual([]);
      const device = await session.devices.get(deviceId);
      expect(device).toMatchObject({ name: 'replay-1', tags: ['replay-gold'] });
      expect(await session.sites.get(base.id)).toMatchObject({ status: 'active' });
      expect(await session.tags.get(kept.id)).toBeNull();
      await session.devices.update(deviceId, { status: 'offline' });
      return device;
    });
    expect(secondStep.changes.map((change) => [change.model, change.op, change.id])).toEqual([['device', 'update', deviceId]]);

    // The same changes, replayed in a session that persists, are saved.
    const allChanges: InventoryChange[] = [...firstStep.changes, ...secondStep.changes];
    await store.withSession({ persist: true }, (session) => session.replay(allChanges));
    expect(await store.collections.devices.get(deviceId)).toMatchObject({ status: 'offline', tags: ['replay-gold'] });
    expect(await store.collections.sites.get(base.id)).toMatchObject({ status: 'active' });
  });

  it('refuses calls once the session has ended', async () => {
    const { result: leaked } = await store.withSession({ persist: false }, async (session) => session);
    await expect(leaked.sites.find()).rejects.toThrow('This inventory session has ended');
  });
});
