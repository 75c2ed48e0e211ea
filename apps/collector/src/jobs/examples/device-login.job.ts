import { booleanVar, Job, stringVar, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  device: stringVar({ label: 'Device', description: 'The device to log in to', default: 'edge-01', maxLength: 100 }),
  username: stringVar({ label: 'Username', required: true, maxLength: 100 }),
  password: stringVar({ label: 'Password', description: 'Sensitive: masked in logs, events, the run and Temporal', sensitive: true, maxLength: 200 }),
  refuse: booleanVar({ label: 'Refuse the login', description: 'Throw an error that quotes the password, to show that errors are masked too' }),
};

/**
 * Shows sensitive variables: it deliberately writes the password into its log, its error and its result, and
 * each shows `********` instead. The job itself receives the password in clear.
 */
export class DeviceLogin extends Job<typeof variables> {
  static override readonly meta = {
    name: 'Device login',
    description: 'Logs in to a device with a sensitive password; shows that the password never appears in clear outside the job.',
  };
  static override readonly variables = variables;

  run(data: JobData<typeof variables>, context: JobContext) {
    context.logger.info(`Logging in to ${data.device} as ${data.username} with password ${data.password}`);
    if (data.refuse) throw new Error(`${data.device} refused ${data.username} with password ${data.password}`);
    context.logger.success(`Logged in to ${data.device}`);
    return { device: data.device, username: data.username, passwordLength: data.password.length, echoed: `password was ${data.password}` };
  }
}
