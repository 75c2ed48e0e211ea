import { integerVar, Job, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  seconds: integerVar({ label: 'Seconds', description: 'How long to count, one second at a time', minValue: 1, maxValue: 3600, default: 10 }),
};

/** Counts in 1 s slices, reporting progress: the job to cancel, time out, or kill a worker under. */
export class SlowCount extends Job<typeof variables> {
  static override readonly meta = { name: 'Slow count', description: 'Counts seconds, one log entry each; honours cancellation.' };
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext) {
    for (let second = 1; second <= data.seconds; second++) {
      context.progress({ total: data.seconds, done: second - 1 });
      await context.sleep(1000);
      context.logger.info(`Counted ${second} of ${data.seconds}`);
    }
    context.progress({ total: data.seconds, done: data.seconds });
    return { counted: data.seconds };
  }

  override post_run(_data: JobData<typeof variables>, context: JobContext) {
    context.logger.info('post_run: released the device session');
  }
}
