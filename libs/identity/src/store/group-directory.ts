import { ErrorCode, YardError } from '@yardmaster/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { GroupRecord } from '../entities/group.record';
import { PermissionGrantRecord } from '../entities/permission-grant.record';
import { conflictOnDuplicate } from './postgres-errors';
import { lockOf, type RowLock } from './row-lock';
import { GrantHolderDirectory } from './grant-holders';
import { groupView, type GroupView } from './views';

/**
 * Groups, their members and their grants. Members join and leave through the user (`groups`); deleting a group
 * takes from its members what it granted them.
 */
export class GroupDirectory extends GrantHolderDirectory<GroupRecord, GroupView> {
  constructor(dataSource: DataSource) {
    super(dataSource, GroupRecord, (groupId) => ({ groupId }));
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: GroupView[]; total: number }> {
    const [groups, total] = await this.dataSource.getRepository(GroupRecord).findAndCount({ order: { name: 'ASC' }, take: page.limit, skip: page.offset });
    return { items: await Promise.all(groups.map((group) => this.viewOf(this.dataSource.manager, group))), total };
  }

  async get(name: string): Promise<GroupView> {
    return this.viewOf(this.dataSource.manager, await findGroup(this.dataSource.manager, name));
  }

  async create(input: { name: string; description: string }): Promise<GroupView> {
    const repository = this.dataSource.getRepository(GroupRecord);
    const group = await conflictOnDuplicate(() => repository.save(repository.create(input)), `A group named ${JSON.stringify(input.name)} exists`);
    return this.viewOf(this.dataSource.manager, group);
  }

  async update(name: string, patch: { description?: string }): Promise<GroupView> {
    return this.dataSource.transaction(async (manager) => {
      const group = await findGroup(manager, name, 'update');
      if (patch.description !== undefined) group.description = patch.description;
      await manager.getRepository(GroupRecord).save(group);
      return this.viewOf(manager, group);
    });
  }

  protected find(manager: EntityManager, name: string, lock?: RowLock): Promise<GroupRecord> {
    return findGroup(manager, name, lock);
  }

  protected async viewOf(manager: EntityManager, group: GroupRecord): Promise<GroupView> {
    const members: Array<{ username: string }> = await manager.query(
      `SELECT u.username FROM group_memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 ORDER BY u.username`,
      [group.id],
    );
    const grants = await manager.getRepository(PermissionGrantRecord).find({ where: { groupId: group.id }, order: { permission: 'ASC', createdAt: 'ASC' } });
    return groupView(
      group,
      members.map((member) => member.username),
      grants.map((grant) => ({ permission: grant.permission, scope: grant.scope })),
    );
  }
}

/** With a lock, as `findUser`: a group deleted meanwhile is GROUP_NOT_FOUND, never a foreign-key violation. */
async function findGroup(manager: EntityManager, name: string, lock?: RowLock): Promise<GroupRecord> {
  const group = await manager.getRepository(GroupRecord).findOne({ where: { name }, ...lockOf(lock) });
  if (!group) throw new YardError(ErrorCode.GroupNotFound, `No group is named ${JSON.stringify(name)}`);
  return group;
}
