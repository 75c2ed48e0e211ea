import { choiceVar, Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  outcome: choiceVar({
    label: 'Outcome',
    description: 'How the run should end',
    choices: [
      ['complete', 'Complete'],
      ['fail', 'Fail: log a failure entry'],
      ['error', 'Error: throw an exception'],
    ] as const,
    default: 'fail',
  }),
  reason: stringVar({ label: 'Reason', description: 'Message to fail or throw with', default: 'asked to', maxLength: 200 }),
};

/** Ends as asked, so `failed` (the job reported failure) and `errored` (it threw) can both be seen. */
export class FailOnPurpose extends Job<typeof variables> {
  static override readonly meta = { name: 'Fail on purpose', description: 'Completes, fails or errors, as asked.' };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext) {
    context.logger.info(`Asked to ${data.outcome}`);
    if (data.outcome === 'fail') context.logger.failure(`Failing on purpose: ${data.reason}`);
    if (data.outcome === 'error') throw new Error(`Erroring on purpose: ${data.reason}`);
    return { outcome: data.outcome };
  }

  override post_run(_data: JobData<typeof variables>, context: JobContext) {
    context.logger.debug('post_run ran');
  }
}
