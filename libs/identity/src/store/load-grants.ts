import type { PermissionGrant } from '@yardmaster/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** A user's own grants and those of every group they belong to. */
export async function loadEffectiveGrants(db: DataSource | EntityManager, userId: string): Promise<PermissionGrant[]> {
  const rows: Array<{ permission: PermissionGrant['permission']; scope: PermissionGrant['scope'] }> = await db.query(
    `SELECT permission, scope FROM permission_grants
      WHERE user_id = $1 OR group_id IN (SELECT group_id FROM group_memberships WHERE user_id = $1)
      ORDER BY permission, created_at`,
    [userId],
  );
  return rows.map((row) => ({ permission: row.permission, scope: row.scope ?? null }));
}
