import { createInventoryDataSource, InventoryStore } from '@yardmaster/inventory';
import { createTestDatabase, type TestDatabase } from '@yardmaster/testing';
import type { DataSource } from 'typeorm';
import { ReadOnlyJobError } from './read-only-job.error';
import { StepInventory, type StepInventoryOptions } from './step-inventory';

/** A step's inventory against the real Postgres: saved, rolled back, or kept for the rest of a dry run. */
describe('StepInventory', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: InventoryStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createInventoryDataSource(database.url, 'step-inventory-test').initialize();
    store = new InventoryStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const step = (options: Partial<StepInventoryOptions> = {}) =>
    new StepInventory(store, { jobId: 'inventory.Test', persist: true, readOnly: false, priorChanges: [], ...options });

  async function siteNamed(name: string) {
    return (await store.collections.sites.find({ name })).items[0] ?? null;
  }

  it('saves a committing step’s changes when it ends well, and reports them', async () => {
    const inventory = step();
    await inventory.access.sites.create({ name: 'Saved site' });
    // Not visible outside the step before it ends: one transaction for the whole step.
    expect(await siteNamed('Saved site')).toBeNull();
    const changes = await inventory.end(true);
    expect(changes).toEqual([expect.objectContaining({ model: 'site', op: 'create' })]);
    expect(await siteNamed('Saved site')).toMatchObject({ name: 'Saved site', slug: 'saved-site' });
  });

  it('rolls back a committing step that failed', async () => {
    const inventory = step();
    await inventory.access.sites.create({ name: 'Failed step site' });
    expect(await inventory.end(false)).toHaveLength(1);
    expect(await siteNamed('Failed step site')).toBeNull();
  });

  it('discards a dry run’s changes, and a later step that replays them sees them', async () => {
    const first = step({ persist: false });
    const site = await first.access.sites.create({ name: 'Dry site' });
    const changes = await first.end(true);
    expect(await siteNamed('Dry site')).toBeNull();

    const second = step({ persist: false, priorChanges: changes });
    expect(await second.access.sites.get(site.id)).toMatchObject({ name: 'Dry site' });
    await second.access.sites.update(site.id, { description: 'seen by a later step' });
    // Only the step's own changes are reported: the replayed ones are not counted twice.
    expect(await second.end(true)).toEqual([expect.objectContaining({ op: 'update', id: site.id })]);
    expect(await store.collections.sites.get(site.id)).toBeNull();
  });

  it('lets a read-only job read but not write', async () => {
    const inventory = step({ readOnly: true });
    await expect(inventory.access.sites.find()).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(inventory.access.sites.create({ name: 'Never' })).rejects.toThrow(ReadOnlyJobError);
    await expect(inventory.access.sites.create({ name: 'Never' })).rejects.toThrow('Job inventory.Test is read-only: it may not create a site');
    expect(await inventory.end(true)).toEqual([]);
  });

  it('opens no transaction for a step that never touches the inventory', async () => {
    expect(await step().end(true)).toEqual([]);
  });
});
