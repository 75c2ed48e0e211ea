import type { GroupView, PermissionGrant, TokenView, UserView } from '@yardmaster/contracts';
import type { ApiTokenRecord } from '../entities/api-token.record';
import type { GroupRecord } from '../entities/group.record';
import type { UserRecord } from '../entities/user.record';
import { grantView } from './grant-input';

export type GrantView = ReturnType<typeof grantView>;
/** The views' one definition is their schema in contracts; re-exported for this library's callers. */
export type { GroupView, TokenView, UserView };

export function userView(user: UserRecord, groups: string[], grants: PermissionGrant[]): UserView {
  return {
    username: user.username,
    displayName: user.displayName,
    active: user.active,
    admin: user.isAdmin,
    groups,
    permissions: grants.map(grantView),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function groupView(group: GroupRecord, members: string[], grants: PermissionGrant[]): GroupView {
  return { name: group.name, description: group.description, members, permissions: grants.map(grantView), createdAt: group.createdAt.toISOString() };
}

export function tokenView(token: ApiTokenRecord): TokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    readOnly: token.readOnly,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}
