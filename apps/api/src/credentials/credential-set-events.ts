import {
  identityEventId,
  newEvent,
  type CredentialSetCreated,
  type CredentialSetDeleted,
  type CredentialSetUpdated,
  type CredentialSetView,
  type IdentityEvent,
} from '@yardmaster/contracts';
import { credentialSetEventDataOf } from '@yardmaster/inventory';
import type { ChangeContext } from '@yardmaster/identity';

/**
 * The events that record credential set changes, on the identity stream (who may act, and with what). Built from
 * the view, which holds no secret: a secret field appears by name only. Ids come from the change's own time, so a
 * retried publish is stored once.
 */
export const credentialSetEvents = {
  created: (context: ChangeContext, view: CredentialSetView, changed: readonly string[]): CredentialSetCreated =>
    eventOf<CredentialSetCreated>('identity.credential_set_created', view, view.createdAt, context, credentialSetEventDataOf(view, changed)),
  updated: (context: ChangeContext, view: CredentialSetView, changed: readonly string[]): CredentialSetUpdated =>
    eventOf<CredentialSetUpdated>('identity.credential_set_updated', view, view.updatedAt, context, credentialSetEventDataOf(view, changed)),
  /** A set is deleted once per creation: the creation time tells this deletion apart from a later one. */
  deleted: (context: ChangeContext, view: CredentialSetView): CredentialSetDeleted =>
    eventOf<CredentialSetDeleted>('identity.credential_set_deleted', view, view.createdAt, context, { credentialSetId: view.id, name: view.name }),
};

function eventOf<T extends IdentityEvent>(type: T['type'], view: CredentialSetView, at: string, context: ChangeContext, data: T['data']): T {
  const aggregateId = `credential-set:${view.id}`;
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
