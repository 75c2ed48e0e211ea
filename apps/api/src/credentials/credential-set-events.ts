import type { CredentialSetCreated, CredentialSetDeleted, CredentialSetUpdated, CredentialSetView } from '@yardmaster/contracts';
import { credentialSetEventDataOf } from '@yardmaster/inventory';
import { identityEvent, type ChangeContext } from '@yardmaster/identity';

const aggregateOf = (view: CredentialSetView) => `credential-set:${view.id}`;

/**
 * The events that record credential set changes, on the identity stream (who may act, and with what). Built from
 * the view, which holds no secret: a secret field appears by name only. Ids come from the change's own time, so a
 * retried publish is stored once.
 */
export const credentialSetEvents = {
  created: (context: ChangeContext, view: CredentialSetView, changed: readonly string[]): CredentialSetCreated =>
    identityEvent<CredentialSetCreated>('identity.credential_set_created', aggregateOf(view), view.createdAt, context, credentialSetEventDataOf(view, changed)),
  updated: (context: ChangeContext, view: CredentialSetView, changed: readonly string[]): CredentialSetUpdated =>
    identityEvent<CredentialSetUpdated>('identity.credential_set_updated', aggregateOf(view), view.updatedAt, context, credentialSetEventDataOf(view, changed)),
  /** A set is deleted once per creation: the creation time tells this deletion apart from a later one. */
  deleted: (context: ChangeContext, view: CredentialSetView): CredentialSetDeleted =>
    identityEvent<CredentialSetDeleted>('identity.credential_set_deleted', aggregateOf(view), view.createdAt, context, { credentialSetId: view.id, name: view.name }),
};
