import type { Tag } from '@yardmaster/contracts';

/** The inventory's limit for a description. */
const MAX_DESCRIPTION_LENGTH = 200;
import type { JobContext } from '@yardmaster/job-sdk';

/**
 * A step's entry in a ledger kept in the inventory itself: a tag named after `context.idempotencyKey`. It is
 * created in the step's transaction, so it is saved exactly when the step's other changes are, and never without
 * them. Tag names are unique, so two attempts racing (a worker thought lost that is still working) cannot both
 * save: the second fails on the name.
 */
export function ledgerTagName(context: JobContext): string {
  return `step ${context.idempotencyKey}`;
}

/** The entry an earlier attempt of this step saved with its work, or null when no attempt has saved any. */
export async function findLedgerEntry(context: JobContext): Promise<Tag | null> {
  const found = await context.inventory.tags.find({ name: ledgerTagName(context) }, { limit: 1 });
  return found.items[0] ?? null;
}

/** Records that this step does its work now; saved, or rolled back, with that work. */
export function openLedgerEntry(context: JobContext, what: string): Promise<Tag> {
  return context.inventory.tags.create({
    name: ledgerTagName(context),
    description: `Step ${context.step} of run ${context.runId} ${what}. Another attempt of the step finds this tag and does not do it again.`.slice(0, MAX_DESCRIPTION_LENGTH),
  });
}
