import type { DeviceStatus, InventoryModel } from '@yardmaster/contracts';
import { DEVICE_STATUSES } from '@yardmaster/contracts';
import { fileVar, Job, objectRef, type InventoryAccess, type JobContext, type JobData } from '@yardmaster/job-sdk';
import { parseCsv } from './csv';
import { requireInventoryRights } from './require-inventory-rights';

const variables = {
  devices: fileVar({
    label: 'Devices CSV',
    description: 'Header: name,site,role,platform,status,primary_address,tags (site, role and platform by slug or name; tags separated by |)',
    maxSizeBytes: 1024 * 1024,
  }),
};

const COLUMNS = ['name', 'site', 'role', 'platform', 'status', 'primary_address', 'tags'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Imports devices from an uploaded CSV file. Dry run by default: the log shows what each row would create
 * and nothing is saved until it runs with `commit: true`. A bad row is logged as a failure with its line and
 * the rest still import.
 */
export class ImportDevices extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Import devices from CSV',
    description: 'Creates a device per CSV row (name, site, role, platform, status, primary_address, tags); a dry run by default.',
    commitDefault: false,
  };
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext): Promise<{ created: number; failed: number }> {
    requireInventoryRights(context);
    const { logger } = context;
    const [header, ...rows] = parseCsv(await data.devices.text());
    if (!header) throw new Error(`${data.devices.name} is empty: expected a header line ${COLUMNS.join(',')}`);
    const columns = header.fields.map((name) => name.trim().toLowerCase());
    const unknown = columns.filter((name) => !(COLUMNS as readonly string[]).includes(name));
    if (unknown.length > 0 || !columns.includes('name') || !columns.includes('site') || !columns.includes('role')) {
      throw new Error(`${data.devices.name}: the header must name columns from ${COLUMNS.join(', ')} including name, site and role; got ${columns.join(',')}`);
    }
    logger.info(`Importing ${rows.length} ${rows.length === 1 ? 'device' : 'devices'} from ${data.devices.name} (${data.devices.size} bytes)`);

    let created = 0;
    let failed = 0;
    for (const row of rows) {
      const cell = (column: Column) => (row.fields[columns.indexOf(column)] ?? '').trim();
      try {
        const device = await context.inventory.devices.create({
          name: cell('name'),
          siteId: await idOf(context.inventory, 'site', cell('site')),
          roleId: await idOf(context.inventory, 'device_role', cell('role')),
          platformId: cell('platform') ? await idOf(context.inventory, 'platform', cell('platform')) : null,
          status: statusOf(cell('status')),
          primaryAddress: cell('primary_address') || null,
          tags: cell('tags') ? cell('tags').split('|').map((tag) => tag.trim()) : [],
        });
        created += 1;
        logger.success(`Line ${row.line}: created device ${device.name}`, { object: objectRef('device', device) });
      } catch (error) {
        failed += 1;
        logger.failure(`Line ${row.line}: ${error instanceof Error ? error.message : String(error)}`);
      }
      context.progress({ total: rows.length, done: created + failed, failed });
    }
    if (!context.commit) logger.info(`Dry run: ${created} ${created === 1 ? 'device' : 'devices'} would be created; nothing is saved`);
    return { created, failed };
  }
}

const COLLECTION = { site: 'sites', device_role: 'deviceRoles', platform: 'platforms' } as const;

/** A site, role or platform named in the file by slug or name. */
async function idOf(inventory: InventoryAccess, model: Extract<InventoryModel, keyof typeof COLLECTION>, given: string): Promise<string> {
  if (!given) throw new Error(`the ${model.replace('_', ' ')} is missing`);
  const collection = inventory[COLLECTION[model]];
  const bySlug = await collection.find({ slug: given }, { limit: 1 });
  const match = bySlug.items[0] ?? (await collection.find({ name: given }, { limit: 1 })).items[0];
  if (!match) throw new Error(`no ${model.replace('_', ' ')} has the slug or name ${JSON.stringify(given)}`);
  return match.id;
}

function statusOf(given: string): DeviceStatus {
  if (given === '') return 'active';
  if (!(DEVICE_STATUSES as readonly string[]).includes(given)) throw new Error(`status ${JSON.stringify(given)} is not one of ${DEVICE_STATUSES.join(', ')}`);
  return given as DeviceStatus;
}
