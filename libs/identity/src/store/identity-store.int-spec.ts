/** The identity store against a real Postgres database of its own (migrated, dropped afterwards). */
import { createEmptyTestDatabase, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '@yardmaster/database';
import { createIdentityDataSource } from '../data-source';
import { createFirstAdmin } from './first-admin';
import { GroupDirectory } from './group-directory';
import { LAST_USED_RESOLUTION_MS, TokenAuthenticator, type Authenticated } from './token-authenticator';
import { TokenIssuer } from './token-issuer';
import { UserDirectory } from './user-directory';

jest.setTimeout(30_000);

let db: EmptyTestDatabase;
let identity: DataSource;
let users: UserDirectory;
let groups: GroupDirectory;
let tokens: TokenIssuer;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  identity = await createIdentityDataSource(db.url, 'identity-store-tests').initialize();
  await runPendingMigrations(identity);
  users = new UserDirectory(identity);
  groups = new GroupDirectory(identity);
  tokens = new TokenIssuer(identity);
});

afterAll(async () => {
  if (identity?.isInitialized) await identity.destroy();
  await db?.drop();
});

function authenticated(outcome: Authenticated | string): Authenticated {
  if (typeof outcome === 'string') throw new Error(`not authenticated: ${outcome}`);
  return outcome;
}

describe('the first administrator', () => {
  it('is created only while there is no user, with the token given', async () => {
    const secret = 'a-token-given-from-outside-0123456789abcdef';
    const created = await createFirstAdmin(identity, 'root', 'YARD_ADMIN_TOKEN', secret);

    expect(created).toMatchObject({ token: secret, prefix: secret.slice(0, 13) });
    expect(await createFirstAdmin(identity, 'other', 'YARD_ADMIN_TOKEN')).toBeNull();
    const root = authenticated(await new TokenAuthenticator(identity).authenticate(secret));
    expect(root.principal).toMatchObject({ username: 'root', isAdmin: true, readOnly: false });
  });
});

describe('TokenAuthenticator', () => {
  it("gives a user's own grants and their groups', and says why a token is refused", async () => {
    await groups.create({ name: 'operators', description: '' });
    await groups.setGrants('operators', [{ permission: 'runs.view_any', scope: null }]);
    await users.create({ username: 'ann', displayName: 'Ann', admin: false, groups: ['operators'] });
    await users.setGrants('ann', [{ permission: 'jobs.run', scope: { groupings: ['Examples'] } }]);
    const issued = await tokens.issue('ann', { name: 'laptop', expiresAt: null, readOnly: true });
    const authenticator = new TokenAuthenticator(identity);

    const ann = authenticated(await authenticator.authenticate(issued.token));
    expect(ann.principal).toEqual({
      username: 'ann',
      displayName: 'Ann',
      isAdmin: false,
      readOnly: true,
      grants: [
        { permission: 'jobs.run', scope: { groupings: ['Examples'] } },
        { permission: 'runs.view_any', scope: null },
      ],
    });
    expect(await authenticator.authenticate('yard_nothing-like-it')).toBe('unknown');

    await users.update('ann', { active: false });
    expect(await authenticator.authenticate(issued.token)).toBe('inactive');
    await users.update('ann', { active: true });

    await tokens.revoke('ann', issued.id);
    expect(await authenticator.authenticate(issued.token)).toBe('revoked');
  });

  it('refuses an expired token', async () => {
    const issued = await tokens.issue('ann', { name: 'short', expiresAt: new Date(Date.now() + 60_000), readOnly: false });
    const later = new TokenAuthenticator(identity, () => new Date(Date.now() + 120_000));

    expect(await later.authenticate(issued.token)).toBe('expired');
  });

  it('writes last_used_at at most once per resolution', async () => {
    const issued = await tokens.issue('ann', { name: 'ci', expiresAt: null, readOnly: false });
    let now = new Date('2031-01-01T00:00:00.000Z');
    const authenticator = new TokenAuthenticator(identity, () => now);
    const lastUsed = async () => (await tokens.list('ann')).find((token) => token.id === issued.id)?.lastUsedAt;

    await authenticator.authenticate(issued.token);
    expect(await lastUsed()).toBe('2031-01-01T00:00:00.000Z');
    now = new Date(now.getTime() + LAST_USED_RESOLUTION_MS - 1);
    await authenticator.authenticate(issued.token);
    expect(await lastUsed()).toBe('2031-01-01T00:00:00.000Z');
    now = new Date(now.getTime() + 1);
    await authenticator.authenticate(issued.token);
    expect(await lastUsed()).toBe(now.toISOString());
  });

  it('stores only hashes and prefixes, never a secret', async () => {
    const issued = await tokens.issue('ann', { name: 'secret-check', expiresAt: null, readOnly: false });
    const rows: unknown[] = await identity.query('SELECT * FROM api_tokens');

    expect(JSON.stringify(rows)).not.toContain(issued.token);
    expect(JSON.stringify(rows)).not.toContain(issued.token.slice(13));
  });
});

describe('UserDirectory and GroupDirectory', () => {
  it('refuses a taken username and unknown groups, and shows members', async () => {
    await expect(users.create({ username: 'ann', displayName: 'Again', admin: false, groups: [] })).rejects.toMatchObject({ code: 'IDENTITY_CONFLICT' });
    await expect(users.update('ann', { groups: ['nobody-knows'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(users.get('zed')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });

    expect(await groups.get('operators')).toMatchObject({ members: ['ann'], permissions: [{ permission: 'runs.view_any' }] });
    await groups.remove('operators');
    expect(await users.get('ann')).toMatchObject({ groups: [] });
  });
});
