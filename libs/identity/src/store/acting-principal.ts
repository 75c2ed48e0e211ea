import type { PrincipalAnswer } from '@yardmaster/contracts';
import type { DataSource } from 'typeorm';
import { loadEffectiveGrants } from './load-grants';

/**
 * A user as someone acts on their behalf (`run_as`, a schedule's owner): their name, admin flag and grants as
 * they are now, or why nobody may act as them.
 */
export async function actingPrincipalOf(dataSource: DataSource, username: string): Promise<PrincipalAnswer> {
  const [row]: Array<{ id: string; username: string; active: boolean; is_admin: boolean }> = await dataSource.query(
    `SELECT id, username, active, is_admin FROM users WHERE username = $1`,
    [username],
  );
  if (!row) return { status: 'unknown' };
  if (!row.active) return { status: 'inactive' };
  const grants = row.is_admin ? [] : await loadEffectiveGrants(dataSource, row.id);
  return { status: 'active', principal: { username: row.username, isAdmin: row.is_admin, grants } };
}
