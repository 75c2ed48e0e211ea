import type { Device } from '@yardmaster/contracts';
import { integerVar, Job, objectRef, objectVar, type JobContext, type JobData } from '@yardmaster/job-sdk';
import { requireInventoryRights } from '../inventory/require-inventory-rights';
import { findLedgerEntry, openLedgerEntry } from './step-ledger';

const variables = {
  site: objectVar({ model: 'site', label: 'Site', description: 'Site that gets the new switches' }),
  count: integerVar({ label: 'Count', description: 'How many switches to add', minValue: 1, maxValue: 48, default: 2 }),
  role: objectVar({ model: 'device_role', label: 'Role', description: 'Role of the new switches, e.g. Access Switch' }),
};

/** `<site slug>-sw07`: the number is what makes a repeated step add more switches rather than fail. */
const SWITCH_NUMBER = /-sw(\d+)$/;

/**
 * A step that is safe to run again (Temporal runs each step at least once). Adding switches numbered after the
 * site's last one is not idempotent by nature: an attempt 2 that follows a lost completion would add `count`
 * more. So the step keeps a ledger entry keyed by `context.idempotencyKey`, saved in the same transaction as the
 * switches (which carry it as a tag): an attempt that finds it adds nothing and answers what the saved one did.
 */
export class AddSwitches extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Add switches',
    description: 'Adds N planned switches to a site, numbered after its last one; once per run, even when the step runs again.',
  };
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext): Promise<{ site: string; switches: string[] }> {
    requireInventoryRights(context);
    const { inventory, logger } = context;
    const site = data.site;

    const saved = await findLedgerEntry(context);
    if (saved) {
      const done = await inventory.devices.find({ tag: [saved.slug] }, { limit: 1000 });
      const names = done.items.map((device) => device.name);
      logger.info(`Attempt ${context.attempt}: an earlier attempt of this step already added ${names.join(', ')}; nothing added again`, {
        object: objectRef('site', site),
      });
      return { site: site.name, switches: names };
    }

    const entry = await openLedgerEntry(context, `added ${data.count} switches`);
    const last = await lastSwitchNumber(context, site.id, site.slug);
    const names: string[] = [];
    for (let number = last + 1; number <= last + data.count; number += 1) {
      const device = await inventory.devices.create({
        name: `${site.slug}-sw${String(number).padStart(2, '0')}`,
        siteId: site.id,
        roleId: data.role.id,
        status: 'planned',
        tags: [entry.slug],
      });
      logger.success(`Added ${device.name}`, { object: objectRef('device', device) });
      names.push(device.name);
    }
    return { site: site.name, switches: names };
  }
}

async function lastSwitchNumber(context: JobContext, siteId: string, siteSlug: string): Promise<number> {
  const { items } = await context.inventory.devices.find({ site: siteId, q: `${siteSlug}-sw` }, { limit: 1000 });
  return Math.max(0, ...items.map((device: Device) => Number(SWITCH_NUMBER.exec(device.name)?.[1] ?? 0)));
}
