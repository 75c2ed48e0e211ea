import type { InventoryAccess } from '@yardmaster/job-sdk';
import { pacedInventory } from './paced-inventory';

/** Records each call; every method answers at once. */
function recordingInventory(calls: string[]): InventoryAccess {
  const collection = {
    get: async (id: string) => (calls.push(`get ${id}`), null),
    find: async () => (calls.push('find'), { items: [], total: 0 }),
    create: async () => (calls.push('create'), { id: 'new' }),
    update: async (id: string) => (calls.push(`update ${id}`), { id }),
    delete: async (id: string) => void calls.push(`delete ${id}`),
  } as unknown as InventoryAccess['sites'];
  return { sites: collection, deviceRoles: collection, platforms: collection, tags: collection, devices: collection } as unknown as InventoryAccess;
}

async function turns(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

describe('pacedInventory', () => {
  it('lets reads through at once and holds writes until the log buffer has room', async () => {
    const calls: string[] = [];
    let makeRoom!: () => void;
    const room = new Promise<void>((resolve) => (makeRoom = resolve));
    const inventory = pacedInventory(recordingInventory(calls), () => room);

    await inventory.devices.get('d1');
    await inventory.sites.find({});
    const writes = [inventory.devices.create({ name: 'edge-01' } as never), inventory.tags.update('t1', {}), inventory.sites.delete('s1')];
    await turns();
    expect(calls).toEqual(['get d1', 'find']);

    makeRoom();
    await Promise.all(writes);
    expect(calls).toEqual(['get d1', 'find', 'create', 'update t1', 'delete s1']);
  });
});
