import { InfrastructureFault, integerVar, Job, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  failures: integerVar({ label: 'Failures', description: 'How many attempts fail before one succeeds', minValue: 0, maxValue: 5, default: 2 }),
};

/** A device that does not answer the first attempts: infrastructure faults are retried by the retry policy. */
export class FlakyDevice extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Flaky device',
    description: 'Fails with an infrastructure fault on the first attempts, then succeeds.',
    retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 1, maximumIntervalSeconds: 1 },
  };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext) {
    if (context.attempt <= data.failures) throw new InfrastructureFault(`edge-01 did not answer on attempt ${context.attempt}`);
    context.logger.success(`edge-01 answered on attempt ${context.attempt}`);
    return { answeredOnAttempt: context.attempt };
  }
}
