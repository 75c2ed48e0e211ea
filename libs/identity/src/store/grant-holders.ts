import type { PermissionGrant } from '@yardmaster/contracts';
import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { PermissionGrantRecord } from '../entities/permission-grant.record';
import type { RowLock } from './row-lock';

type GrantHolder = { userId: string } | { groupId: string };

/**
 * What users and groups share as holders of grants: deleting one (what hangs on it goes by cascade) and replacing
 * its own grants, each in a transaction that holds its row (FOR UPDATE to delete, FOR SHARE to grant) so that a
 * holder deleted meanwhile is NOT_FOUND, never a foreign-key violation.
 */
export abstract class GrantHolderDirectory<TRecord extends { id: string }, TView> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<TRecord>,
    private readonly holderOf: (id: string) => GrantHolder,
  ) {}

  /** The holder by name, or its NOT_FOUND error. */
  protected abstract find(manager: EntityManager, name: string, lock?: RowLock): Promise<TRecord>;

  protected abstract viewOf(manager: EntityManager, record: TRecord): Promise<TView>;

  async remove(name: string): Promise<TView> {
    return this.dataSource.transaction(async (manager) => {
      const holder = await this.find(manager, name, 'update');
      const view = await this.viewOf(manager, holder);
      await manager.getRepository(this.entity).delete(holder.id);
      return view;
    });
  }

  /** Replaces the holder's own grants (a user's groups' grants stay). */
  async setGrants(name: string, grants: readonly PermissionGrant[]): Promise<TView> {
    return this.dataSource.transaction(async (manager) => {
      const holder = await this.find(manager, name, 'share');
      await replaceGrants(manager, this.holderOf(holder.id), grants);
      return this.viewOf(manager, holder);
    });
  }
}

export async function replaceGrants(manager: EntityManager, holder: GrantHolder, grants: readonly PermissionGrant[]): Promise<void> {
  const repository = manager.getRepository(PermissionGrantRecord);
  await repository.delete(holder);
  if (grants.length === 0) return;
  await repository.insert(
    grants.map((grant) => ({
      userId: 'userId' in holder ? holder.userId : null,
      groupId: 'groupId' in holder ? holder.groupId : null,
      permission: grant.permission,
      scope: grant.scope ?? null,
    })) as Array<Partial<PermissionGrantRecord>>,
  );
}
