import type { EventEnvelope } from '@yardmaster/contracts';

/** One action a person took, ready to be stored in `audit_entries`. */
export interface AuditEntry {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly summary: string;
  readonly correlationId: string | null;
  readonly details: Record<string, unknown>;
}

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
