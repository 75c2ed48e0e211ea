/**
 * Credential sets written through the store (as the API writes them) and opened through the vault (as collector
 * activities open them), against a real Postgres database of its own with the instance's cipher (`SecretBox`):
 * each kind opens typed and whole, the stored row holds no secret in clear, a secret sealed with another key or
 * moved to another set does not open, and nothing opens outside an activity.
 */
import { randomBytes } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ErrorCode } from '@yardmaster/contracts';
import { runPendingMigrations } from '@yardmaster/database';
import { createInventoryDataSource, CredentialSetStore, CredentialSetUnreadableError, CredentialVault } from '@yardmaster/inventory';
import { SecretBox } from '@yardmaster/messaging';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { activityCredentials, CredentialsOutsideActivityError } from './activity-credentials';

jest.setTimeout(30_000);

const SECRET = {
  community: `community-${randomBytes(6).toString('hex')}`,
  authKey: `auth-key-${randomBytes(6).toString('hex')}`,
  privKey: `priv-key-${randomBytes(6).toString('hex')}`,
  password: `password-${randomBytes(6).toString('hex')}`,
  privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`,
  passphrase: `passphrase-${randomBytes(6).toString('hex')}`,
};

let db: EmptyTestDatabase;
let dataSource: DataSource;
let box: SecretBox;
let store: CredentialSetStore;
let vault: CredentialVault;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  dataSource = await createInventoryDataSource(db.url, 'credential-vault-tests').initialize();
  await runPendingMigrations(dataSource);
  box = new SecretBox(randomBytes(32));
  store = new CredentialSetStore(dataSource, box);
  vault = new CredentialVault(dataSource, box);
  await store.create({ name: 'lab-v2c', kind: 'snmp_v2c', community: SECRET.community });
  await store.create({
    name: 'core-v3',
    kind: 'snmp_v3',
    username: 'monitor',
    securityLevel: 'authPriv',
    authProtocol: 'SHA256',
    authKey: SECRET.authKey,
    privProtocol: 'AES256',
    privKey: SECRET.privKey,
  });
  await store.create({ name: 'lab-ssh', kind: 'ssh', username: 'netops', password: SECRET.password, privateKey: SECRET.privateKey, passphrase: SECRET.passphrase });
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('CredentialVault', () => {
  it('opens each kind typed, with every secret in clear', async () => {
    await expect(vault.open('lab-v2c')).resolves.toEqual({ kind: 'snmp_v2c', name: 'lab-v2c', community: SECRET.community });
    await expect(vault.open('core-v3')).resolves.toEqual({
      kind: 'snmp_v3',
      name: 'core-v3',
      username: 'monitor',
      securityLevel: 'authPriv',
      auth: { protocol: 'SHA256', key: SECRET.authKey },
      priv: { protocol: 'AES256', key: SECRET.privKey },
    });
    await expect(vault.open('lab-ssh')).resolves.toEqual({
      kind: 'ssh',
      name: 'lab-ssh',
      username: 'netops',
      password: SECRET.password,
      privateKey: SECRET.privateKey,
      passphrase: SECRET.passphrase,
    });
  });

  it('opens what a patch left: a replaced secret, a lowered security level, a cleared password', async () => {
    const replaced = `community-${randomBytes(6).toString('hex')}`;
    await store.update('lab-v2c', { community: replaced });
    await expect(vault.open('lab-v2c')).resolves.toMatchObject({ community: replaced });
    await store.update('core-v3', { securityLevel: 'authNoPriv' });
    await expect(vault.open('core-v3')).resolves.toMatchObject({ securityLevel: 'authNoPriv', auth: { protocol: 'SHA256', key: SECRET.authKey }, priv: null });
    await store.update('lab-ssh', { password: null });
    await expect(vault.open('lab-ssh')).resolves.toMatchObject({ password: null, privateKey: SECRET.privateKey, passphrase: SECRET.passphrase });
  });

  it('stores no secret in clear, and answers none in a view', async () => {
    const rows: Array<{ row: string }> = await dataSource.query(`SELECT row_to_json(c)::text AS row FROM inventory_credential_sets c`);
    const views = JSON.stringify((await store.find({}, { limit: 10, offset: 0 })).items);
    expect(rows).toHaveLength(3);
    for (const secret of Object.values(SECRET)) {
      expect(rows.map(({ row }) => row).join('\n')).not.toContain(secret);
      expect(views).not.toContain(secret);
    }
    expect(JSON.parse(views)).toContainEqual(expect.objectContaining({ name: 'lab-ssh', username: 'netops', secrets: { password: 'not_set', privateKey: 'set', passphrase: 'set', enableSecret: 'not_set' } }));
  });

  it('refuses a secret sealed with another key, or moved to another set, naming the set and field but no secret', async () => {
    const otherKey = new CredentialVault(dataSource, new SecretBox(randomBytes(32)));
    await expect(otherKey.open('lab-ssh')).rejects.toThrow(new CredentialSetUnreadableError('lab-ssh', 'privateKey'));

    const moved = await store.create({ name: 'moved', kind: 'snmp_v2c', community: 'its-own-community' });
    await dataSource.query(`UPDATE inventory_credential_sets SET secrets = (SELECT secrets FROM inventory_credential_sets WHERE name = 'lab-v2c') WHERE id = $1`, [moved.view.id]);
    const failure = await vault.open('moved').catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(CredentialSetUnreadableError);
    expect((failure as Error).message).not.toMatch(/community-[0-9a-f]{12}/);
  });

  it('opens an SSH set with its enable secret, and one without as before (no enableSecret field)', async () => {
    const enableSecret = `enable-${randomBytes(6).toString('hex')}`;
    await store.create({ name: 'lab-ssh-enable', kind: 'ssh', username: 'netops', password: SECRET.password, enableSecret });
    await expect(vault.open('lab-ssh-enable')).resolves.toEqual({ kind: 'ssh', name: 'lab-ssh-enable', username: 'netops', password: SECRET.password, privateKey: null, passphrase: null, enableSecret });
    expect(await vault.open('lab-ssh')).not.toHaveProperty('enableSecret');
  });

  it('answers CREDENTIAL_SET_NOT_FOUND for a name no set has', async () => {
    await expect(vault.open('ghost')).rejects.toMatchObject({ code: ErrorCode.CredentialSetNotFound });
  });
});

describe('activityCredentials', () => {
  it('opens inside an activity and refuses anywhere else (a workflow must carry the name only)', async () => {
    const open = activityCredentials(vault);
    await expect(open('lab-v2c')).rejects.toThrow(CredentialsOutsideActivityError);
    await expect(new MockActivityEnvironment().run(() => open('lab-v2c'))).resolves.toMatchObject({ kind: 'snmp_v2c', name: 'lab-v2c' });
  });
});
