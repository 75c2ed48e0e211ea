import { integerVar, Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  device: stringVar({ label: 'Device', description: 'Device to back up', required: true, regex: '[A-Za-z0-9._-]+' }),
  seconds: integerVar({ label: 'Seconds', description: 'How long the backup takes', minValue: 1, maxValue: 600, default: 5 }),
};

/** One backup per device at a time: a second request for the same device is refused, naming the first. */
export class DeviceBackup extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Device backup',
    description: 'Backs up one device; a singleton per device.',
    concurrency: { mode: 'singleton', keyVariables: ['device'] },
  } as const;
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext) {
    context.logger.info(`Backing up ${data.device}`, { object: { type: 'device', id: data.device, display: data.device } });
    await context.sleep(data.seconds * 1000);
    context.logger.success(`Backed up ${data.device}`);
    return { device: data.device };
  }
}
