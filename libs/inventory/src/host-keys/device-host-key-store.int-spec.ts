/** Pinned host keys against a real Postgres database of its own: first key wins, forget, and the device's delete. */
import type { DeviceRole, Site } from '@yardmaster/contracts';
import { runPendingMigrations } from '@yardmaster/database';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { createInventoryDataSource } from '../data-source';
import { InventoryStore } from '../store/inventory-store';
import { DeviceHostKeyStore } from './device-host-key-store';

jest.setTimeout(30_000);

const FIRST = { algorithm: 'ssh-ed25519', fingerprint: 'SHA256:DNRfCG2FlS6pe/9ZDZiwtJin5albL/owd2/+doNjORU' };
const SECOND = { algorithm: 'ssh-rsa', fingerprint: 'SHA256:yZ0v4wWlyc4GjMCZwTjIu2Q+NNqEeqB5vNQ+bZbL8dA' };

let db: EmptyTestDatabase;
let dataSource: DataSource;
let inventory: InventoryStore;
let hostKeys: DeviceHostKeyStore;
let site: Site;
let role: DeviceRole;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'host-key-tests').initialize();
  await runPendingMigrations(dataSource);
  inventory = new InventoryStore(dataSource);
  hostKeys = new DeviceHostKeyStore(dataSource);
  site = await inventory.collections.sites.create({ name: 'Key Site' });
  role = await inventory.collections.deviceRoles.create({ name: 'Key Role' });
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

async function newDevice(name: string): Promise<string> {
  return (await inventory.collections.devices.create({ name, siteId: site.id, roleId: role.id })).id;
}

describe('DeviceHostKeyStore', () => {
  it('records the first key of a device and keeps it when another is recorded, even at the same time', async () => {
    const deviceId = await newDevice('k1');
    expect(await hostKeys.find(deviceId)).toBeNull();
    const [a, b] = await Promise.all([hostKeys.record(deviceId, FIRST), hostKeys.record(deviceId, SECOND)]);
    expect(a).toEqual(b);
    const pinned = await hostKeys.find(deviceId);
    expect(pinned).toEqual(a);
    expect(pinned!.recordedAt).toBeInstanceOf(Date);
    expect(await hostKeys.record(deviceId, pinned!.fingerprint === FIRST.fingerprint ? SECOND : FIRST)).toEqual(pinned);
  });

  it('forgets a key, answering it, so that the next record pins the new one', async () => {
    const deviceId = await newDevice('k2');
    await hostKeys.record(deviceId, FIRST);
    expect(await hostKeys.forget(deviceId)).toMatchObject(FIRST);
    expect(await hostKeys.forget(deviceId)).toBeNull();
    expect(await hostKeys.record(deviceId, SECOND)).toMatchObject(SECOND);
  });

  it('goes with its device', async () => {
    const deviceId = await newDevice('k3');
    await hostKeys.record(deviceId, FIRST);
    await inventory.collections.devices.delete(deviceId);
    expect(await hostKeys.find(deviceId)).toBeNull();
    await expect(hostKeys.record(deviceId, FIRST)).rejects.toThrow(/violates foreign key|no longer exists/);
  });
});
