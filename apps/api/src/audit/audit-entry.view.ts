import type { AuditEntryRecord } from '@yardmaster/read-models';

export interface AuditEntryView {
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly summary: string;
  readonly correlationId: string | null;
  readonly details: Record<string, unknown>;
}

export function auditEntryView(record: AuditEntryRecord): AuditEntryView {
  return {
    id: record.eventId,
    occurredAt: record.occurredAt.toISOString(),
    actor: record.actor,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    summary: record.summary,
    correlationId: record.correlationId,
    details: record.details,
  };
}
