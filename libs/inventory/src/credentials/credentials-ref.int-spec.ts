/**
 * A device's `management.credentialsRef` against a real Postgres database of its own: it must name a credential
 * set, and a named set cannot be deleted or renamed while a device names it, through the store (409 with a stable
 * code) or behind its back (the foreign key).
 */
import { ErrorCode, YardError, type DeviceRole, type Site } from '@yardmaster/contracts';
import { runPendingMigrations } from '@yardmaster/database';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { createInventoryDataSource } from '../data-source';
import { InventoryStore } from '../store/inventory-store';
import { CredentialSetStore } from './credential-set-store';
import type { SecretSealer } from './secret-sealer';
import { storeCredentialSetRow } from './test-support/stored-credential-set';

jest.setTimeout(30_000);

/** Renames and deletes seal nothing: a sealer that would say so if they tried. */
const NO_SEALING: SecretSealer = {
  seal: () => {
    throw new Error('sealed during a rename or delete');
  },
  open: () => {
    throw new Error('opened by the store');
  },
};

let db: EmptyTestDatabase;
let dataSource: DataSource;
let inventory: InventoryStore;
let credentialSets: CredentialSetStore;
let site: Site;
let role: DeviceRole;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'credentials-ref-tests').initialize();
  await runPendingMigrations(dataSource);
  inventory = new InventoryStore(dataSource);
  credentialSets = new CredentialSetStore(dataSource, NO_SEALING);
  site = await inventory.collections.sites.create({ name: 'Ref Site' });
  role = await inventory.collections.deviceRoles.create({ name: 'Ref Role' });
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

async function failureOf(work: Promise<unknown>): Promise<YardError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof YardError)) throw new Error(`expected a YardError, got ${String(error)}`);
  return error;
}

describe("a device's credentialsRef", () => {
  it('must name an existing credential set, exactly', async () => {
    await storeCredentialSetRow(dataSource, 'Core-SNMP');
    const failure = await failureOf(inventory.collections.devices.create({ name: 'r1', siteId: site.id, roleId: role.id, management: { protocol: 'snmp', port: 161, credentialsRef: 'core-snmp' } }));
    expect(failure.code).toBe(ErrorCode.ValidationFailed);
    expect(failure.fieldErrors).toEqual([{ field: 'management.credentialsRef', message: 'no credential set has this name (names match exactly, case included)' }]);

    const device = await inventory.collections.devices.create({ name: 'r1', siteId: site.id, roleId: role.id, management: { protocol: 'snmp', port: 161, credentialsRef: 'Core-SNMP' } });
    expect(device.management).toEqual({ protocol: 'snmp', port: 161, credentialsRef: 'Core-SNMP' });
    const patchFailure = await failureOf(inventory.collections.devices.update(device.id, { management: { protocol: 'ssh', port: 22, credentialsRef: 'ghost' } }));
    expect(patchFailure.fieldErrors).toEqual([{ field: 'management.credentialsRef', message: 'no credential set has this name (names match exactly, case included)' }]);
  });

  it('keeps a named set from being deleted or renamed, and lets it go once no device names it', async () => {
    const id = await storeCredentialSetRow(dataSource, 'busy-set');
    const devices = await Promise.all(
      ['b1', 'b2'].map((name) => inventory.collections.devices.create({ name, siteId: site.id, roleId: role.id, management: { protocol: 'ssh', port: 22, credentialsRef: 'busy-set' } })),
    );

    const deleting = await failureOf(credentialSets.delete(id));
    expect({ code: deleting.code, message: deleting.message, details: deleting.details }).toEqual({
      code: ErrorCode.CredentialSetInUse,
      message: 'Cannot delete credential set "busy-set": it is used by 2 devices (management.credentialsRef)',
      details: { devices: 2, plans: 0 },
    });
    const renaming = await failureOf(credentialSets.update('busy-set', { name: 'calm-set' }));
    expect(renaming.code).toBe(ErrorCode.CredentialSetInUse);
    // Behind the store's back, the foreign key refuses too.
    await expect(dataSource.query(`DELETE FROM inventory_credential_sets WHERE id = $1`, [id])).rejects.toThrow(/inventory_devices_credentials_ref_fkey/);

    await inventory.collections.devices.update(devices[0]!.id, { management: null });
    await inventory.collections.devices.delete(devices[1]!.id);
    expect(await credentialSets.delete('BUSY-SET')).toMatchObject({ id, name: 'busy-set' });
    await expect(failureOf(credentialSets.get(id))).resolves.toMatchObject({ code: ErrorCode.CredentialSetNotFound });
  });

  it('is kept equal to the column the foreign key guards, whoever writes', async () => {
    await storeCredentialSetRow(dataSource, 'check-set');
    const device = await inventory.collections.devices.create({ name: 'c1', siteId: site.id, roleId: role.id, management: { protocol: 'ssh', port: 22, credentialsRef: 'check-set' } });
    const [row] = await dataSource.query(`SELECT credentials_ref FROM inventory_devices WHERE id = $1`, [device.id]);
    expect(row).toEqual({ credentials_ref: 'check-set' });
    await expect(dataSource.query(`UPDATE inventory_devices SET management = NULL WHERE id = $1`, [device.id])).rejects.toThrow(/inventory_devices_credentials_ref_check/);
  });
});
