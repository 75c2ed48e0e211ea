import { ErrorCode, YardError } from '@yardmaster/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { GroupMembershipRecord } from '../entities/group-membership.record';
import { GroupRecord } from '../entities/group.record';
import { PermissionGrantRecord } from '../entities/permission-grant.record';
import { UserRecord } from '../entities/user.record';
import { GrantHolderDirectory } from './grant-holders';
import { conflictOnDuplicate } from './postgres-errors';
import { lockOf, type RowLock } from './row-lock';
import type { NewUser, UserPatch } from './user-input';
import { userView, type UserView } from './views';

/**
 * Users, their group memberships and their own grants. Deleting a user takes their tokens, memberships and grants
 * along; their runs keep their name.
 */
export class UserDirectory extends GrantHolderDirectory<UserRecord, UserView> {
  constructor(dataSource: DataSource) {
    super(dataSource, UserRecord, (userId) => ({ userId }));
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(UserRecord).count();
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: UserView[]; total: number }> {
    const [users, total] = await this.dataSource.getRepository(UserRecord).findAndCount({ order: { username: 'ASC' }, take: page.limit, skip: page.offset });
    return { items: await this.viewsOf(this.dataSource.manager, users), total };
  }

  async get(username: string): Promise<UserView> {
    return (await this.viewsOf(this.dataSource.manager, [await findUser(this.dataSource.manager, username)]))[0];
  }

  async create(input: NewUser): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await conflictOnDuplicate(
        () => manager.getRepository(UserRecord).save(manager.getRepository(UserRecord).create({ username: input.username, displayName: input.displayName, isAdmin: input.admin })),
        `The username ${JSON.stringify(input.username)} is taken`,
      );
      await setMemberships(manager, user.id, input.groups);
      return (await this.viewsOf(manager, [user]))[0];
    });
  }

  async update(username: string, patch: UserPatch): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await findUser(manager, username, 'update');
      if (patch.displayName !== undefined) user.displayName = patch.displayName;
      if (patch.active !== undefined) user.active = patch.active;
      if (patch.admin !== undefined) user.isAdmin = patch.admin;
      user.updatedAt = new Date();
      await manager.getRepository(UserRecord).save(user);
      if (patch.groups !== undefined) await setMemberships(manager, user.id, patch.groups);
      return (await this.viewsOf(manager, [user]))[0];
    });
  }

  protected find(manager: EntityManager, username: string, lock?: RowLock): Promise<UserRecord> {
    return findUser(manager, username, lock);
  }

  protected async viewOf(manager: EntityManager, user: UserRecord): Promise<UserView> {
    return (await this.viewsOf(manager, [user]))[0];
  }

  private async viewsOf(manager: EntityManager, users: UserRecord[]): Promise<UserView[]> {
    if (users.length === 0) return [];
    const ids = users.map((user) => user.id);
    const memberships: Array<{ user_id: string; name: string }> = await manager.query(
      `SELECT m.user_id, g.name FROM group_memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = ANY($1) ORDER BY g.name`,
      [ids],
    );
    const grants = await manager.getRepository(PermissionGrantRecord).find({ where: { userId: In(ids) }, order: { permission: 'ASC', createdAt: 'ASC' } });
    return users.map((user) =>
      userView(
        user,
        memberships.filter((membership) => membership.user_id === user.id).map((membership) => membership.name),
        grants.filter((grant) => grant.userId === user.id).map((grant) => ({ permission: grant.permission, scope: grant.scope })),
      ),
    );
  }
}

export async function findUser(manager: EntityManager, username: string, lock?: RowLock): Promise<UserRecord> {
  const user = await manager.getRepository(UserRecord).findOne({ where: { username }, ...lockOf(lock) });
  if (!user) throw new YardError(ErrorCode.UserNotFound, `No user has the username ${JSON.stringify(username)}`);
  return user;
}

/** The groups are held (FOR SHARE) until the transaction ends: a group deleted meanwhile is an unknown group. */
async function setMemberships(manager: EntityManager, userId: string, groupNames: readonly string[]): Promise<void> {
  const groups = groupNames.length === 0 ? [] : await manager.getRepository(GroupRecord).find({ where: { name: In([...groupNames]) }, ...lockOf('share') });
  const missing = groupNames.filter((name) => !groups.some((group) => group.name === name));
  if (missing.length > 0) {
    throw new YardError(ErrorCode.ValidationFailed, 'Unknown groups', [{ field: 'groups', message: `no group is named ${missing.map((name) => JSON.stringify(name)).join(', ')}` }]);
  }
  await manager.getRepository(GroupMembershipRecord).delete({ userId });
  if (groups.length > 0) await manager.getRepository(GroupMembershipRecord).insert(groups.map((group) => ({ groupId: group.id, userId })));
}
