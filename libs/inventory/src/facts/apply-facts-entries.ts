import { ErrorCode, YardError, type FactsEntriesResolvedData, type FactsEntry } from '@yardmaster/contracts';
import type { InventoryStore } from '../store/inventory-store';
import { applyOrder } from './facts-entry-order';
import { writeFactsEntry } from './facts-entry-writer';

/** What became of one entry: as `facts.entries_resolved` carries it. */
export type FactsEntryOutcome = FactsEntriesResolvedData['entries'][number];

export interface ApplyFactsEntriesOptions {
  /** The time a confirmed record was last seen when its entry does not say; now by default. */
  readonly now?: Date;
  /**
   * Runs with every outcome before the transaction commits, e.g. to publish them: when it throws, nothing is
   * applied. The inventory then never holds a change that the report does not record.
   */
  readonly beforeCommit?: (outcomes: readonly FactsEntryOutcome[]) => Promise<void>;
}

/**
 * Applies a report's entries to the inventory in one transaction, each behind a savepoint of its own: an entry the
 * inventory refuses (a conflict, a record gone, bad values) fails alone with the inventory's error code and
 * message, and the others apply. What the API calls for `POST /api/facts-reports/{id}/apply`, and a plan run in
 * apply mode at its end. Answers each entry's outcome in the order given.
 */
export async function applyFactsEntries(store: InventoryStore, entries: readonly FactsEntry[], options: ApplyFactsEntriesOptions = {}): Promise<FactsEntryOutcome[]> {
  const now = (options.now ?? new Date()).toISOString();
  return store.withSavepointPerStep(async (step) => {
    const outcomes = new Map<string, FactsEntryOutcome>();
    for (const entry of applyOrder(entries)) {
      const written = await step((inventory) => writeFactsEntry(inventory, entry, now));
      outcomes.set(
        entry.id,
        written.ok
          ? { id: entry.id, status: 'applied', error: null, objectId: written.value }
          : { id: entry.id, status: 'failed', error: errorOf(written.error), objectId: null },
      );
    }
    const inOrderGiven = entries.map((entry) => outcomes.get(entry.id) as FactsEntryOutcome);
    await options.beforeCommit?.(inOrderGiven);
    return inOrderGiven;
  });
}

/** The inventory's code and message, with its field errors, as a failed entry keeps them. */
function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof YardError) {
    const fields = (error.fieldErrors ?? []).map(({ field, message }) => `${field} ${message}`);
    return { code: error.code, message: fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message };
  }
  return { code: ErrorCode.Internal, message: error instanceof Error ? error.message : String(error) };
}
