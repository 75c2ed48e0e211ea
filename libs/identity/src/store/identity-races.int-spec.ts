/**
 * Writes about a user or a group racing its deletion, against a real Postgres database of its own. The race is
 * forced, not hoped for: the delete runs in a transaction left open while the write starts; once the write is
 * seen waiting for a lock, the delete commits. Whatever the write read before, it must end USER_NOT_FOUND (or
 * GROUP_NOT_FOUND, or an unknown group): never a foreign-key violation, never a change to a row that is gone.
 */
import { Client } from 'pg';
import { createEmptyTestDatabase, waitFor, type EmptyTestDatabase } from '@yardmaster/testing-core';
import { runPendingMigrations } from '@yardmaster/database';
import { createIdentityDataSource } from '../data-source';
import { GroupDirectory } from './group-directory';
import { TokenIssuer } from './token-issuer';
import { UserDirectory } from './user-directory';
import type { DataSource } from 'typeorm';

jest.setTimeout(60_000);

/** The store under test connects under its own name, so the test can see when its queries wait for a lock. */
const STORE_APPLICATION = 'identity-races-store';

let db: EmptyTestDatabase;
let store: DataSource;
let users: UserDirectory;
let groups: GroupDirectory;
let tokens: TokenIssuer;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  store = await createIdentityDataSource(db.url, STORE_APPLICATION).initialize();
  await runPendingMigrations(store);
  users = new UserDirectory(store);
  groups = new GroupDirectory(store);
  tokens = new TokenIssuer(store);
});

afterAll(async () => {
  if (store?.isInitialized) await store.destroy();
  await db?.drop();
});

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/** Runs `write` while `deleteSql` sits uncommitted, and commits the delete only once `write` waits for a lock. */
async function raceWithDelete(deleteSql: string, parameters: unknown[], write: () => Promise<unknown>): Promise<Outcome> {
  const deleter = new Client({ connectionString: db.url });
  await deleter.connect();
  try {
    await deleter.query('BEGIN');
    await deleter.query(deleteSql, parameters);
    const outcome = write().then(
      (): Outcome => ({ ok: true }),
      (error: unknown): Outcome => ({ ok: false, error }),
    );
    await waitFor(
      async () => {
        const { rows } = await deleter.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'`,
          [STORE_APPLICATION],
        );
        return rows[0]!.waiting > 0 ? true : undefined;
      },
      30_000,
      'the write to wait for the uncommitted delete',
      20,
    );
    await deleter.query('COMMIT');
    return await outcome;
  } finally {
    await deleter.end();
  }
}

function codeOf(outcome: Outcome): unknown {
  return outcome.ok ? 'succeeded' : ((outcome.error as { code?: unknown }).code ?? String(outcome.error));
}

async function userExists(username: string): Promise<boolean> {
  return (await store.query('SELECT 1 FROM users WHERE username = $1', [username])).length > 0;
}

const DELETE_USER = 'DELETE FROM users WHERE username = $1';
const DELETE_GROUP = 'DELETE FROM groups WHERE name = $1';

describe('a write racing the deletion of its user', () => {
  beforeEach(async () => {
    await users.create({ username: 'racer', displayName: 'Racer', admin: false, groups: [] });
    await users.setGrants('racer', [{ permission: 'runs.view_own', scope: null }]);
  });

  afterEach(async () => {
    await store.query(DELETE_USER, ['racer']);
  });

  it('replacing the permissions ends USER_NOT_FOUND', async () => {
    const outcome = await raceWithDelete(DELETE_USER, ['racer'], () => users.setGrants('racer', [{ permission: 'jobs.view', scope: null }]));

    expect(codeOf(outcome)).toBe('USER_NOT_FOUND');
  });

  it('issuing a token ends USER_NOT_FOUND', async () => {
    const outcome = await raceWithDelete(DELETE_USER, ['racer'], () => tokens.issue('racer', { name: 'late', expiresAt: null, readOnly: false }));

    expect(codeOf(outcome)).toBe('USER_NOT_FOUND');
  });

  it('changing the user ends USER_NOT_FOUND, and does not bring the user back', async () => {
    const outcome = await raceWithDelete(DELETE_USER, ['racer'], () => users.update('racer', { displayName: 'Renamed' }));

    expect(codeOf(outcome)).toBe('USER_NOT_FOUND');
    expect(await userExists('racer')).toBe(false);
  });

  it('revoking a token ends USER_NOT_FOUND', async () => {
    const issued = await tokens.issue('racer', { name: 'to-revoke', expiresAt: null, readOnly: false });

    const outcome = await raceWithDelete(DELETE_USER, ['racer'], () => tokens.revoke('racer', issued.id));

    expect(codeOf(outcome)).toBe('USER_NOT_FOUND');
  });
});

describe('a write racing the deletion of a group', () => {
  beforeEach(async () => {
    await groups.create({ name: 'racers', description: '' });
    await users.create({ username: 'member', displayName: 'Member', admin: false, groups: [] });
  });

  afterEach(async () => {
    await store.query(DELETE_USER, ['member']);
    await store.query(DELETE_GROUP, ['racers']);
  });

  it("replacing the group's permissions ends GROUP_NOT_FOUND", async () => {
    const outcome = await raceWithDelete(DELETE_GROUP, ['racers'], () => groups.setGrants('racers', [{ permission: 'jobs.view', scope: null }]));

    expect(codeOf(outcome)).toBe('GROUP_NOT_FOUND');
  });

  it("changing the group's description ends GROUP_NOT_FOUND, and does not bring the group back", async () => {
    const outcome = await raceWithDelete(DELETE_GROUP, ['racers'], () => groups.update('racers', { description: 'late' }));

    expect(codeOf(outcome)).toBe('GROUP_NOT_FOUND');
    expect(await store.query('SELECT 1 FROM groups WHERE name = $1', ['racers'])).toEqual([]);
  });

  it('joining the group ends as an unknown group (400), with the membership unchanged', async () => {
    const outcome = await raceWithDelete(DELETE_GROUP, ['racers'], () => users.update('member', { groups: ['racers'] }));

    expect(codeOf(outcome)).toBe('VALIDATION_FAILED');
    expect(await users.get('member')).toMatchObject({ groups: [] });
  });
});
