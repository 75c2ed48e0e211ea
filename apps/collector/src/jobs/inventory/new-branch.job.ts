import { integerVar, Job, objectRef, objectVar, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';
import { requireInventoryRights } from './require-inventory-rights';

const variables = {
  siteName: stringVar({ label: 'Site name', description: 'Name of the new branch site', minLength: 2, maxLength: 60 }),
  switchCount: integerVar({ label: 'Switch count', description: 'How many access switches to create', minValue: 1, maxValue: 48 }),
  switchRole: objectVar({ model: 'device_role', label: 'Switch role', description: 'Role of the new switches, e.g. Access Switch' }),
  switchPlatform: objectVar({ model: 'platform', label: 'Switch platform', description: 'Platform of the new switches' }),
};

/**
 * Nautobot's "New Branch" example on Yardmaster: creates a planned site and N access switches in it, and
 * returns a CSV summary. Run it with `commit: false` first: the log lists what it would create, and nothing
 * is saved.
 */
export class NewBranch extends Job<typeof variables> {
  static override readonly meta = {
    name: 'New branch',
    description: 'Provision a new branch site with its access switches (a planned site and N planned switches); returns a CSV summary.',
  };
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext): Promise<string> {
    requireInventoryRights(context);
    const { inventory, logger } = context;
    const site = await inventory.sites.create({ name: data.siteName, status: 'planned' });
    logger.success(`Created site ${site.name}`, { object: objectRef('site', site) });

    const rows = ['name,site,role,platform,status'];
    for (let index = 1; index <= data.switchCount; index += 1) {
      const name = `${site.slug}-sw${String(index).padStart(2, '0')}`;
      const device = await inventory.devices.create({
        name,
        siteId: site.id,
        roleId: data.switchRole.id,
        platformId: data.switchPlatform.id,
        status: 'planned',
      });
      logger.success(`Created ${data.switchRole.name} ${device.name}`, { object: objectRef('device', device) });
      rows.push([device.name, site.name, data.switchRole.name, data.switchPlatform.name, device.status].join(','));
      context.progress({ total: data.switchCount, done: index });
    }
    if (!context.commit) logger.info(`Dry run: site ${site.name} and ${data.switchCount} switches would be created; nothing is saved`);
    return rows.join('\n');
  }

  /** Reads back what `run` created: in a dry run too, since later steps of a run see its unsaved changes. */
  async test_switches_in_place(data: JobData<typeof variables>, context: JobContext): Promise<void> {
    context.require('inventory.view');
    const sites = await context.inventory.sites.find({ name: data.siteName }, { limit: 1 });
    const site = sites.items[0];
    if (!site) {
      context.logger.failure(`Site ${data.siteName} is not in the inventory`);
      return;
    }
    const switches = await context.inventory.devices.find({ site: site.id, role: data.switchRole.id }, { limit: 1 });
    if (switches.total === data.switchCount) context.logger.success(`Site ${site.name} has its ${switches.total} switches`, { object: objectRef('site', site) });
    else context.logger.failure(`Site ${site.name} has ${switches.total} switches, expected ${data.switchCount}`, { object: objectRef('site', site) });
  }
}
