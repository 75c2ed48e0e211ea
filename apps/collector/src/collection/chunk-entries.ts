import { FACTS_ENTRIES_PER_EVENT, type FactsEntry } from '@yardmaster/contracts';

/**
 * A device's entries in parts of at most `size`, in order; a device with no entries still has one (empty) part,
 * so the report knows it was collected and found nothing.
 */
export function chunkEntries(entries: readonly FactsEntry[], size: number = FACTS_ENTRIES_PER_EVENT): FactsEntry[][] {
  if (entries.length === 0) return [[]];
  const parts: FactsEntry[][] = [];
  for (let start = 0; start < entries.length; start += size) parts.push(entries.slice(start, start + size));
  return parts;
}
