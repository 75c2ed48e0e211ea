import type { EventEnvelope } from './envelope';

/** A grant as identity events carry it: the permission and, for `jobs.run`, the jobs or groupings it covers. */
export interface GrantSummary {
  readonly permission: string;
  readonly jobIds?: string[];
  readonly groupings?: string[];
}

/** A user as it is after the change. */
export interface UserEventData {
  readonly username: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly admin: boolean;
  readonly groups: readonly string[];
}

export interface UserUpdatedData extends UserEventData {
  /** The fields the request changed (`displayName`, `active`, `admin`, `groups`). */
  readonly changed: readonly string[];
}

export interface GroupEventData {
  readonly name: string;
  readonly description: string;
}

export interface PermissionsReplacedData {
  readonly holderType: 'user' | 'group';
  readonly holder: string;
  readonly permissions: readonly GrantSummary[];
}

/** A token as events carry it: never its secret, nor the secret's hash. */
export interface TokenEventData {
  readonly username: string;
  readonly tokenId: string;
  readonly name: string;
  readonly prefix: string;
  readonly readOnly: boolean;
  readonly expiresAt: string | null;
}

export type UserCreated = EventEnvelope<'identity.user_created', UserEventData>;
export type UserUpdated = EventEnvelope<'identity.user_updated', UserUpdatedData>;
export type UserDeleted = EventEnvelope<'identity.user_deleted', { readonly username: string }>;
export type GroupCreated = EventEnvelope<'identity.group_created', GroupEventData>;
export type GroupUpdated = EventEnvelope<'identity.group_updated', GroupEventData>;
export type GroupDeleted = EventEnvelope<'identity.group_deleted', { readonly name: string }>;
export type PermissionsReplaced = EventEnvelope<'identity.permissions_replaced', PermissionsReplacedData>;
export type TokenCreated = EventEnvelope<'identity.token_created', TokenEventData>;
export type TokenRevoked = EventEnvelope<'identity.token_revoked', TokenEventData>;

/** Every change to users, groups, grants and tokens: the API publishes one after each change it commits. */
export type IdentityEvent = UserCreated | UserUpdated | UserDeleted | GroupCreated | GroupUpdated | GroupDeleted | PermissionsReplaced | TokenCreated | TokenRevoked;
export type IdentityEventType = IdentityEvent['type'];

/**
 * An identity event's id, and so its JetStream msgID: the same change always gets the same id, so a retried
 * publish is stored once. `at` is the change's own time (e.g. a user's `updatedAt`), not the publish time.
 */
export function identityEventId(type: IdentityEventType, aggregateId: string, at: string): string {
  return `${type}:${aggregateId}:${at}`;
}
