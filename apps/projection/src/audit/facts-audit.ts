import { factsEventKind, type FactsEvent, type FactsEventType } from '@yardmaster/contracts';
import { entryOf, isPerson, type AuditEntry } from './audit-entry';

/** Only resolving entries is someone's act; what a run collected (and applies on its own) is not. */
const FACTS_EVENTS_NEVER_AUDITED: readonly FactsEventType[] = ['facts.report_opened', 'facts.entries_detected', 'facts.device_failed', 'facts.report_closed'];
const NEVER_AUDITED_ENDINGS = FACTS_EVENTS_NEVER_AUDITED.map((type) => `.${factsEventKind(type)}`);
export const isFactsEventNeverAudited = (subject: string): boolean => NEVER_AUDITED_ENDINGS.some((ending) => subject.endsWith(ending));

/** Entries of a facts report applied or skipped by a person, as `facts.entries_resolved` with the counts. */
export function factsAuditEntry(event: FactsEvent): AuditEntry | null {
  if (event.type !== 'facts.entries_resolved' || !isPerson(event.actor)) return null;
  const counts = { applied: 0, skipped: 0, failed: 0 };
  for (const entry of event.data.entries) counts[entry.status]++;
  const parts = (['applied', 'skipped', 'failed'] as const).filter((status) => counts[status] > 0).map((status) => `${status} ${counts[status]}`);
  return entryOf(event, {
    targetType: 'facts-report',
    targetId: event.aggregateId,
    summary: `${parts.join(', ') || 'resolved no'} entries of facts report ${event.aggregateId}`,
    details: counts,
  });
}
