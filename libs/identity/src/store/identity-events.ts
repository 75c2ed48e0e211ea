import {
  identityEventId,
  newEvent,
  type GroupDeleted,
  type GroupCreated,
  type GroupUpdated,
  type IdentityEvent,
  type PermissionsReplaced,
  type TokenCreated,
  type TokenRevoked,
  type UserCreated,
  type UserDeleted,
  type UserUpdated,
} from '@yardmaster/contracts';
import type { UserPatch } from './user-input';
import type { GroupView, TokenView, UserView } from './views';

/** Who made a change, and the request it belongs to. */
export interface ChangeContext {
  readonly actor: string;
  readonly correlationId: string;
}

/**
 * The events that record identity changes, built from what the change left behind. Each id comes from the change
 * itself (a record's id and its own timestamp), so publishing the same change again stores it once.
 */
export function identityEvent<T extends IdentityEvent>(type: T['type'], aggregateId: string, at: string, context: ChangeContext, data: T['data']): T {
  return newEvent({
    id: identityEventId(type, aggregateId, at),
    type,
    occurredAt: new Date().toISOString(),
    aggregateId,
    sequence: 0,
    correlationId: context.correlationId,
    actor: context.actor,
    data,
  }) as T;
}

function userData(user: UserView): UserCreated['data'] {
  return { username: user.username, displayName: user.displayName, active: user.active, admin: user.admin, groups: [...user.groups] };
}

export const identityEvents = {
  userCreated: (context: ChangeContext, user: UserView): UserCreated =>
    identityEvent<UserCreated>('identity.user_created', `user:${user.username}`, user.createdAt, context, userData(user)),

  userUpdated: (context: ChangeContext, user: UserView, patch: UserPatch): UserUpdated => {
    const changed = (['displayName', 'active', 'admin', 'groups'] as const).filter((field) => patch[field] !== undefined);
    return identityEvent<UserUpdated>('identity.user_updated', `user:${user.username}`, user.updatedAt, context, { ...userData(user), changed });
  },

  /** A username is deleted once per creation: the creation time tells this deletion apart from a later one. */
  userDeleted: (context: ChangeContext, user: UserView): UserDeleted =>
    identityEvent<UserDeleted>('identity.user_deleted', `user:${user.username}`, user.createdAt, context, { username: user.username }),

  groupCreated: (context: ChangeContext, group: GroupView): GroupCreated =>
    identityEvent<GroupCreated>('identity.group_created', `group:${group.name}`, group.createdAt, context, { name: group.name, description: group.description }),

  /** Groups keep no change time: the time of the request stands in. */
  groupUpdated: (context: ChangeContext, group: GroupView, at: Date = new Date()): GroupUpdated =>
    identityEvent<GroupUpdated>('identity.group_updated', `group:${group.name}`, at.toISOString(), context, { name: group.name, description: group.description }),

  groupDeleted: (context: ChangeContext, group: GroupView): GroupDeleted =>
    identityEvent<GroupDeleted>('identity.group_deleted', `group:${group.name}`, group.createdAt, context, { name: group.name }),

  permissionsReplaced: (context: ChangeContext, holder: { user: UserView } | { group: GroupView }, at: Date = new Date()): PermissionsReplaced => {
    const [holderType, name, permissions] = 'user' in holder ? (['user', holder.user.username, holder.user.permissions] as const) : (['group', holder.group.name, holder.group.permissions] as const);
    return identityEvent<PermissionsReplaced>('identity.permissions_replaced', `${holderType}:${name}`, at.toISOString(), context, {
      holderType,
      holder: name,
      permissions: permissions.map(({ jobIds, groupings, ...grant }) => ({
        ...grant,
        ...(jobIds ? { jobIds: [...jobIds] } : {}),
        ...(groupings ? { groupings: [...groupings] } : {}),
      })),
    });
  },

  /** Carries the token's name, prefix, expiry and read-only flag: never its secret, nor the secret's hash. */
  tokenCreated: (context: ChangeContext, username: string, token: TokenView): TokenCreated =>
    identityEvent<TokenCreated>('identity.token_created', `token:${token.id}`, token.createdAt, context, tokenData(username, token)),

  /** What `createFirstAdmin` did: a new administrator (no groups, no grants) and their token. */
  firstAdminCreated: (context: ChangeContext, username: string, token: TokenView): [UserCreated, TokenCreated] => [
    identityEvent<UserCreated>('identity.user_created', `user:${username}`, token.createdAt, context, { username, displayName: username, active: true, admin: true, groups: [] }),
    identityEvent<TokenCreated>('identity.token_created', `token:${token.id}`, token.createdAt, context, tokenData(username, token)),
  ],

  /** Revoking twice keeps the first `revokedAt`, so the second revocation is the same event. */
  tokenRevoked: (context: ChangeContext, username: string, token: TokenView): TokenRevoked =>
    identityEvent<TokenRevoked>('identity.token_revoked', `token:${token.id}`, token.revokedAt ?? new Date().toISOString(), context, tokenData(username, token)),
};

// Picks fields one by one, so that an IssuedToken (which carries the secret) passed in never leaks it.
function tokenData(username: string, token: TokenView): TokenCreated['data'] {
  return { username, tokenId: token.id, name: token.name, prefix: token.prefix, readOnly: token.readOnly, expiresAt: token.expiresAt };
}
