import type { AuditEntryView } from '@yardmaster/contracts';
import type { AuditEntryRecord } from '@yardmaster/read-models';

export type { AuditEntryView };

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
