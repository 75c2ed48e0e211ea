import type { InventoryChange } from '@yardmaster/contracts';

const LISTED = 10;

/** `created site "fra3", updated device "fra3-sw-01", …`: what a log line says a step changed. */
export function describeChanges(changes: readonly InventoryChange[]): string {
  const described = changes.slice(0, LISTED).map((change) => {
    const what = change.model.replace('_', ' ');
    const name = change.record && 'name' in change.record ? ` "${change.record.name}"` : ` ${change.id}`;
    return `${change.op}d ${what}${name}`;
  });
  const more = changes.length > LISTED ? ` and ${changes.length - LISTED} more` : '';
  return `${described.join(', ')}${more}`;
}

export function countOf(changes: readonly InventoryChange[]): string {
  return `${changes.length} inventory ${changes.length === 1 ? 'change' : 'changes'}`;
}
