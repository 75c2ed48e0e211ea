import { z } from 'zod';
import { readonlyArray } from '../schemas/json-schemas';
import { eventSchema } from './envelope';

/** A grant as identity events carry it: the permission and, for `jobs.run`, the jobs or groupings it covers. */
export const grantSummarySchema = z.object({ permission: z.string(), jobIds: z.array(z.string()).optional(), groupings: z.array(z.string()).optional() });
export type GrantSummary = z.infer<typeof grantSummarySchema>;

/** A user as it is after the change. */
export const userEventDataSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  admin: z.boolean(),
  groups: readonlyArray(z.string()),
});
export type UserEventData = z.infer<typeof userEventDataSchema>;

/** The fields the request changed (`displayName`, `active`, `admin`, `groups`). */
export const userUpdatedDataSchema = userEventDataSchema.extend({ changed: readonlyArray(z.string()) });
export type UserUpdatedData = z.infer<typeof userUpdatedDataSchema>;

export const groupEventDataSchema = z.object({ name: z.string(), description: z.string() });
export type GroupEventData = z.infer<typeof groupEventDataSchema>;

export const permissionsReplacedDataSchema = z.object({
  holderType: z.enum(['user', 'group']),
  holder: z.string(),
  permissions: readonlyArray(grantSummarySchema),
});
export type PermissionsReplacedData = z.infer<typeof permissionsReplacedDataSchema>;

/** A token as events carry it: never its secret, nor the secret's hash. */
export const tokenEventDataSchema = z.object({
  username: z.string(),
  tokenId: z.string(),
  name: z.string(),
  prefix: z.string(),
  readOnly: z.boolean(),
  expiresAt: z.string().nullable(),
});
export type TokenEventData = z.infer<typeof tokenEventDataSchema>;

/**
 * A credential set as events carry it: its name, kind and non-secret settings, and which secret fields are set or
 * were replaced, by name. Never a secret, sealed or not: the secret's ciphertext stays in the inventory's table.
 */
export const credentialSetEventDataSchema = z.object({
  credentialSetId: z.string(),
  name: z.string(),
  kind: z.string(),
  settings: z.record(z.string(), z.string().nullable()),
  secretsSet: readonlyArray(z.string()),
  /** On a change: the fields the request gave, secrets by name only (`community`, `authKey`). */
  changed: readonlyArray(z.string()).optional(),
});
export type CredentialSetEventData = z.infer<typeof credentialSetEventDataSchema>;

/**
 * A device's pinned SSH host key forgotten by an operator (accepting a changed key): the next SSH session trusts the
 * key it is shown. The key that was pinned is named by its fingerprint (public, never a secret); null when none was.
 */
export const deviceHostKeyForgottenDataSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  forgotten: z.object({ algorithm: z.string(), fingerprint: z.string(), recordedAt: z.string() }).nullable(),
});
export type DeviceHostKeyForgottenData = z.infer<typeof deviceHostKeyForgottenDataSchema>;

export const userCreatedSchema = eventSchema('identity.user_created', userEventDataSchema);
export const userUpdatedSchema = eventSchema('identity.user_updated', userUpdatedDataSchema);
export const userDeletedSchema = eventSchema('identity.user_deleted', z.object({ username: z.string() }));
export const groupCreatedSchema = eventSchema('identity.group_created', groupEventDataSchema);
export const groupUpdatedSchema = eventSchema('identity.group_updated', groupEventDataSchema);
export const groupDeletedSchema = eventSchema('identity.group_deleted', z.object({ name: z.string() }));
export const permissionsReplacedSchema = eventSchema('identity.permissions_replaced', permissionsReplacedDataSchema);
export const tokenCreatedSchema = eventSchema('identity.token_created', tokenEventDataSchema);
export const tokenRevokedSchema = eventSchema('identity.token_revoked', tokenEventDataSchema);
export const credentialSetCreatedSchema = eventSchema('identity.credential_set_created', credentialSetEventDataSchema);
export const credentialSetUpdatedSchema = eventSchema('identity.credential_set_updated', credentialSetEventDataSchema);
export const credentialSetDeletedSchema = eventSchema('identity.credential_set_deleted', z.object({ credentialSetId: z.string(), name: z.string() }));
export const deviceHostKeyForgottenSchema = eventSchema('identity.device_host_key_forgotten', deviceHostKeyForgottenDataSchema);

export type UserCreated = z.infer<typeof userCreatedSchema>;
export type UserUpdated = z.infer<typeof userUpdatedSchema>;
export type UserDeleted = z.infer<typeof userDeletedSchema>;
export type GroupCreated = z.infer<typeof groupCreatedSchema>;
export type GroupUpdated = z.infer<typeof groupUpdatedSchema>;
export type GroupDeleted = z.infer<typeof groupDeletedSchema>;
export type PermissionsReplaced = z.infer<typeof permissionsReplacedSchema>;
export type TokenCreated = z.infer<typeof tokenCreatedSchema>;
export type TokenRevoked = z.infer<typeof tokenRevokedSchema>;
export type CredentialSetCreated = z.infer<typeof credentialSetCreatedSchema>;
export type CredentialSetUpdated = z.infer<typeof credentialSetUpdatedSchema>;
export type CredentialSetDeleted = z.infer<typeof credentialSetDeletedSchema>;
export type DeviceHostKeyForgotten = z.infer<typeof deviceHostKeyForgottenSchema>;

/** Every change to users, groups, grants, tokens, credential sets and pinned host keys (who may act, and what with): the API publishes one after each change it commits. */
export const identityEventSchema = z.discriminatedUnion('type', [
  userCreatedSchema,
  userUpdatedSchema,
  userDeletedSchema,
  groupCreatedSchema,
  groupUpdatedSchema,
  groupDeletedSchema,
  permissionsReplacedSchema,
  tokenCreatedSchema,
  tokenRevokedSchema,
  credentialSetCreatedSchema,
  credentialSetUpdatedSchema,
  credentialSetDeletedSchema,
  deviceHostKeyForgottenSchema,
]);
export type IdentityEvent = z.infer<typeof identityEventSchema>;
export type IdentityEventType = IdentityEvent['type'];

/**
 * An identity event's id, and so its JetStream msgID: the same change always gets the same id, so a retried
 * publish is stored once. `at` is the change's own time (e.g. a user's `updatedAt`), not the publish time.
 */
export function identityEventId(type: IdentityEventType, aggregateId: string, at: string): string {
  return `${type}:${aggregateId}:${at}`;
}
