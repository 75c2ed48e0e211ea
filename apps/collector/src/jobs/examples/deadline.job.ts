import { Job, type JobContext } from '@yardmaster/job-sdk';

/** Declares a 2 s whole-run timeout and then works for 10 s: it always ends `timed_out`. */
export class Deadline extends Job {
  static override readonly meta = {
    name: 'Deadline',
    description: 'Has a 2 s timeout and sleeps 10 s, to show timed_out and post_run after a timeout.',
    timeouts: { runTimeoutSeconds: 2 },
  };

  async run(_data: unknown, context: JobContext) {
    for (let second = 1; second <= 10; second++) {
      await context.sleep(1000);
      context.logger.info(`Still working: ${second} s`);
    }
  }

  override post_run(_data: unknown, context: JobContext) {
    context.logger.info('post_run: cleaned up after the timeout');
  }
}
