import type { AuditEntryView, EventEnvelope } from '@yardmaster/contracts';

/** One action a person took, ready to be stored in `audit_entries` (keyed by the event's id). */
export type AuditEntry = Omit<AuditEntryView, 'id'> & { readonly eventId: string };

/** The fields every entry takes from its event as they are. */
export function entryOf(event: EventEnvelope, fields: Pick<AuditEntry, 'targetType' | 'targetId' | 'summary'> & Partial<Pick<AuditEntry, 'action' | 'actor' | 'details'>>): AuditEntry {
  return {
    eventId: event.id,
    occurredAt: event.occurredAt,
    actor: fields.actor ?? event.actor,
    action: fields.action ?? event.type,
    targetType: fields.targetType,
    targetId: fields.targetId,
    summary: fields.summary,
    correlationId: event.correlationId || null,
    details: fields.details ?? {},
  };
}

/**
 * Usernames never hold a colon: it marks the system's own actors (`system:<service>`, `schedule:<id>`). `temporal`
 * stands for what an operator did in Temporal, a person's act too.
 */
export function isPerson(actor: string): boolean {
  return !actor.includes(':');
}

/**
 * Actions the projection records itself, from no event (an administrator's operation on the projection): a rebuild
 * of the audit carries them over from the live table, since no stream holds them.
 */
export const ACTIONS_RECORDED_WITHOUT_EVENT = ['parked.replayed', 'read_models.rebuilt', 'read_models.checked'] as const;
