import { integerVar, Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  name: stringVar({ label: 'Name', description: 'Who to greet', required: true, maxLength: 100 }),
  count: integerVar({ label: 'Count', description: 'How many info entries to write', minValue: 1, maxValue: 100, default: 3 }),
};

export class HelloWorld extends Job<typeof variables> {
  static override readonly meta = { name: 'Hello World', description: 'Greets someone, count times.' };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext) {
    for (let index = 1; index <= data.count; index++) {
      context.logger.info(`Hello, ${data.name} (${index} of ${data.count})`);
    }
    context.logger.success(`Greeted ${data.name} ${data.count} times`);
    return { greeting: `Hello, ${data.name}` };
  }
}
