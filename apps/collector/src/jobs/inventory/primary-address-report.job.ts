import { Job, objectRef, type JobContext } from '@yardmaster/job-sdk';

const PAGE = 200;

/**
 * Nautobot's device report example on Yardmaster: every active device must have a primary address. One log
 * entry per device, success or failure, each linking to the device; read-only, so runs have no commit.
 */
export class PrimaryAddressReport extends Job {
  static override readonly meta = {
    name: 'Primary address report',
    description: 'Checks that every active device has a primary address; logs success or failure per device, with a link to it.',
    readOnly: true,
  };

  async run(_data: object, context: JobContext): Promise<{ activeDevices: number }> {
    context.require('inventory.view');
    const { total } = await context.inventory.devices.find({ status: 'active' }, { limit: 1 });
    context.logger.info(`${total} active ${total === 1 ? 'device' : 'devices'} to check`);
    return { activeDevices: total };
  }

  async test_primary_address(_data: object, context: JobContext): Promise<void> {
    context.require('inventory.view');
    const { inventory, logger } = context;
    let checked = 0;
    let missing = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await inventory.devices.find({ status: 'active' }, { limit: PAGE, offset });
      for (const device of page.items) {
        if (device.primaryAddress) logger.success(`${device.name} has primary address ${device.primaryAddress}`, { object: objectRef('device', device) });
        else {
          missing += 1;
          logger.failure(`${device.name} has no primary address`, { object: objectRef('device', device) });
        }
        checked += 1;
      }
      context.progress({ total: page.total, done: checked, failed: missing });
      if (page.items.length < PAGE) break;
    }
  }
}
