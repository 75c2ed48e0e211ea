import { integerVar, Job, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  seconds: integerVar({ label: 'Seconds', description: 'How long the sweep takes', minValue: 1, maxValue: 600, default: 3 }),
};

/** At most two sweeps run at once; more wait in `queued` until one ends. */
export class ConfigSweep extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Config sweep',
    description: 'Sweeps configurations; at most two run at once, the rest wait queued.',
    concurrency: { mode: 'limit', maxRuns: 2 },
  } as const;
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext) {
    await context.sleep(data.seconds * 1000);
    context.logger.success('Swept');
  }
}
