import { integerVar, Job, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  lines: integerVar({ label: 'Lines', description: 'How many info entries to write', minValue: 1, maxValue: 1_000_000, default: 100_000 }),
};

/** Writes many log lines as fast as the platform takes them: what `npm run bench:logs` measures. */
export class LogFlood extends Job<typeof variables> {
  static override readonly meta = { name: 'Log flood', description: 'Writes many log lines at once; the log throughput benchmark.' };
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext) {
    for (let line = 1; line <= data.lines; line++) {
      context.logger.info(`Line ${line} of ${data.lines}`);
      // A pause every 1,000 lines waits for room in the step's log buffer: the job keeps pace with delivery
      // instead of holding all its lines in memory.
      if (line % 1_000 === 0) await context.sleep(0);
    }
    return { lines: data.lines };
  }
}
