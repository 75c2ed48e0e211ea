import type { JobContext } from '@yardmaster/job-sdk';

/**
 * What an inventory job needs of the user it acts as before it touches anything: `inventory.view` always (a dry
 * run reads the inventory and shows what it would change, which is seeing it), and `inventory.manage` when its
 * changes are saved (`commit`). A dry run changes nothing, so it needs no more than seeing.
 */
export function requireInventoryRights(context: JobContext): void {
  context.require('inventory.view');
  if (context.commit) context.require('inventory.manage');
}
