import type { CatalogAnnounced, JobOverridden } from '@yardmaster/contracts';
import { entryOf, isPerson, type AuditEntry } from './audit-entry';

/** An administrator's overrides of a job. Announcements are the collectors' own doing, not a person's. */
export function catalogAuditEntry(event: CatalogAnnounced | JobOverridden): AuditEntry | null {
  if (event.type !== 'catalog.job_overridden' || !isPerson(event.actor)) return null;
  const { jobId, overrides } = event.data;
  const changes = Object.entries(overrides).map(([field, value]) => `${field} ${JSON.stringify(value)}`);
  const summary = changes.length === 0 ? `cleared the overrides of ${jobId}` : `overrode ${jobId}: ${changes.join(', ')}`;
  return entryOf(event, { targetType: 'job', targetId: jobId, summary, details: { overrides } });
}
