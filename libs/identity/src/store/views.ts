import type { PermissionGrant } from '@yardmaster/contracts';
import type { ApiTokenRecord } from '../entities/api-token.record';
import type { GroupRecord } from '../entities/group.record';
import type { UserRecord } from '../entities/user.record';
import { grantView } from './grant-input';

export type GrantView = ReturnType<typeof grantView>;

export interface UserView {
  readonly username: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly admin: boolean;
  readonly groups: string[];
  /** Granted to the user directly; their groups' grants are listed with each group. */
  readonly permissions: GrantView[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface GroupView {
  readonly name: string;
  readonly description: string;
  readonly members: string[];
  readonly permissions: GrantView[];
  readonly createdAt: string;
}

/** A token as lists show it: never the secret, which is shown once, when created. */
export interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly readOnly: boolean;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdAt: string;
}

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
