import type { FactsEntryStatus, FactsReportStatus } from '@yardmaster/contracts';

/** What a report's status is derived from: whether the run closed it, its entries by status, and its devices. */
export interface FactsReportTally extends Readonly<Record<FactsEntryStatus, number>> {
  readonly closed: boolean;
  readonly entries: number;
  readonly devicesCollected: number;
  readonly devicesFailed: number;
}

const UNANIMOUS: readonly FactsEntryStatus[] = ['pending', 'applied', 'skipped', 'failed'];

/**
 * netbox_facts' rule: every entry pending → pending, every one applied → applied, skipped → skipped, failed →
 * failed, any mix → partial. Before the run closes the report it is `collecting`, whatever its entries say. A
 * closed report without entries is `completed` (nothing changed), unless no device could be collected at all:
 * then it is `failed`, as netbox_facts marks a report whose collection failed.
 */
export function factsReportStatus(tally: FactsReportTally): FactsReportStatus {
  if (!tally.closed) return 'collecting';
  if (tally.entries === 0) return tally.devicesFailed > 0 && tally.devicesCollected === 0 ? 'failed' : 'completed';
  return UNANIMOUS.find((status) => tally[status] === tally.entries) ?? 'partial';
}
