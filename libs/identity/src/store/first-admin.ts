import type { DataSource } from 'typeorm';
import { UserRecord } from '../entities/user.record';
import { issueToken, type IssuedToken } from './token-issuer';
import { lockOf } from './row-lock';

/**
 * Creates an administrator and a token for them, but only while there is no user at all: the way in on a fresh
 * installation. The table lock makes two API replicas starting together create one administrator, not two.
 * Returns null when users exist (nothing is changed).
 */
export async function createFirstAdmin(dataSource: DataSource, username: string, tokenName: string, secret?: string): Promise<IssuedToken | null> {
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    if ((await manager.getRepository(UserRecord).count()) > 0) return null;
    return createAdminWith(manager.getRepository(UserRecord).manager, username, tokenName, secret);
  });
}

/** Creates an administrator (or makes an existing user one) and issues a fresh token: for `tools/create-admin.mjs`. */
export async function createAdmin(dataSource: DataSource, username: string, tokenName: string): Promise<IssuedToken> {
  return dataSource.transaction((manager) => createAdminWith(manager, username, tokenName));
}

async function createAdminWith(manager: DataSource['manager'], username: string, tokenName: string, secret?: string): Promise<IssuedToken> {
  const users = manager.getRepository(UserRecord);
  let user = await users.findOne({ where: { username }, ...lockOf('update') });
  if (user) {
    user.isAdmin = true;
    user.active = true;
    user.updatedAt = new Date();
    user = await users.save(user);
  } else {
    user = await users.save(users.create({ username, displayName: username, isAdmin: true }));
  }
  return issueToken(manager, user, { name: tokenName, expiresAt: null, readOnly: false }, secret);
}
