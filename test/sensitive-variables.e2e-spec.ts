import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { REDACTED } from '@yardmaster/contracts';
import { connectNats, type NatsConnection } from '@yardmaster/messaging';
import { testDependencies } from '@yardmaster/testing';
import { everyStreamMessage as everyStreamMessageOf, everyTableRow } from './support/stack-contents';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const DEVICE_LOGIN = 'examples.DeviceLogin';

/**
 * A sensitive variable's value is absent from the run, its logs, the event streams, the workflow history and the
 * read-model tables, while the job itself receives it in clear.
 */
describe('sensitive variables', () => {
  let stack: YardmasterStack;
  let temporal: Client;
  let nc: NatsConnection;

  beforeAll(async () => {
    stack = await YardmasterStack.shared();
    temporal = new Client({ connection: await Connection.connect({ address: testDependencies.temporalAddress }), namespace: testDependencies.temporalNamespace });
    nc = await connectNats(testDependencies.natsUrl, 'e2e-sensitive');
  });

  afterAll(async () => {
    await nc?.drain();
    await temporal?.connection.close();
    await stack?.stop();
  });

  /** Every message of every stream of the instance (runs, catalog, schedules, KV and object buckets), as text. */
  function everyStreamMessage(): Promise<string> {
    return everyStreamMessageOf(nc, stack.instance);
  }

  /** The workflow's whole history with every payload decoded, so a value in clear anywhere in it would show. */
  async function historyText(workflowId: string): Promise<string> {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    const texts: string[] = [];
    const seen = new Set<object>();
    const visit = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('utf8'));
      else if (value !== null && typeof value === 'object' && !seen.has(value)) {
        seen.add(value);
        for (const item of Object.values(value)) visit(item);
      }
    };
    visit(history);
    return texts.join('\n');
  }

  /** Every row of every read-model table, as JSON text. */
  async function everyReadModelRow(): Promise<string> {
    const { tables, text } = await everyTableRow(stack.database.dataSource);
    expect(tables).toEqual(expect.arrayContaining(['job_runs', 'job_log_entries']));
    return text;
  }

  it('announces the password as write-only and sensitive in the job schema', async () => {
    const { body } = await stack.getJson(`/api/jobs/${DEVICE_LOGIN}`);
    expect(body.schema.properties.password).toMatchObject({ type: 'string', writeOnly: true, 'x-sensitive': true });
    expect(body.variables.find((variable: { name: string }) => variable.name === 'password')).toMatchObject({ sensitive: true });
  });

  it('hands the job the clear password but keeps it out of the run, logs, events, workflow history and read models', async () => {
    const password = `pw-${randomUUID()}`;
    const username = `user-${randomUUID()}`;
    const accepted = await stack.post(`/api/jobs/${DEVICE_LOGIN}/runs`, JSON.stringify({ data: { username, password } }));
    expect(accepted.status).toBe(202);
    expect(accepted.body.data).toEqual({ device: 'edge-01', username, password: REDACTED, refuse: false });

    const failing = await stack.post(`/api/jobs/${DEVICE_LOGIN}/runs`, JSON.stringify({ data: { username, password, refuse: true } }));
    expect(failing.status).toBe(202);

    const run = await stack.waitForRunToEnd(accepted.body.runId);
    // The job received the clear value: it measured it, and the text it echoed was masked on the way out.
    expect(run).toMatchObject({ status: 'completed', data: { username, password: REDACTED } });
    expect(run.result).toEqual({ device: 'edge-01', username, passwordLength: password.length, echoed: `password was ${REDACTED}` });
    const errored = await stack.waitForRunToEnd(failing.body.runId);
    expect(errored.status).toBe('errored');
    expect(errored.error.message).toBe(`edge-01 refused ${username} with password ${REDACTED}`);

    const logs = await stack.getJson(`/api/runs/${run.id}/logs`);
    expect(logs.body.items.map((entry: { message: string }) => entry.message)).toContain(`Logging in to edge-01 as ${username} with password ${REDACTED}`);
    const erroredLogs = await stack.getJson(`/api/runs/${errored.id}/logs`);

    for (const [what, text] of [
      ['the accepted runs', JSON.stringify([accepted.body, failing.body])],
      ['the runs', JSON.stringify([run, errored])],
      ['their logs', JSON.stringify([logs.body, erroredLogs.body])],
      ['the run list', JSON.stringify((await stack.getJson(`/api/runs?jobId=${DEVICE_LOGIN}`)).body)],
    ] as const) {
      expect({ what, leaked: text.includes(password) }).toEqual({ what, leaked: false });
    }

    const streams = await everyStreamMessage();
    expect(streams).toContain(username);
    expect(streams).not.toContain(password);

    for (const workflowId of [run.workflowId, errored.workflowId]) {
      const history = await historyText(workflowId);
      // The history is read whole: the username is there in clear, the password only sealed.
      expect(history).toContain(username);
      expect(history).toContain('$sealed');
      expect(history).not.toContain(password);
    }

    const rows = await everyReadModelRow();
    expect(rows).toContain(username);
    expect(rows).not.toContain(password);
  });

  it('refuses a delayed start, and a schedule, of a job with sensitive variables', async () => {
    const password = `pw-${randomUUID()}`;
    const startAt = new Date(Date.now() + 3_600_000).toISOString();
    const delayed = await stack.post(`/api/jobs/${DEVICE_LOGIN}/runs`, JSON.stringify({ data: { username: 'admin', password }, startAt }));
    expect(delayed.status).toBe(409);
    expect(delayed.body).toMatchObject({ code: 'SENSITIVE_JOB_NOT_SCHEDULABLE', message: expect.stringContaining('password') });

    const schedule = await stack.post('/api/schedules', JSON.stringify({ jobId: DEVICE_LOGIN, key: 'logins', data: { username: 'admin', password }, intervalMinutes: 60 }));
    expect(schedule.status).toBe(409);
    expect(schedule.body.code).toBe('SENSITIVE_JOB_NOT_SCHEDULABLE');
    expect(JSON.stringify([delayed.body, schedule.body])).not.toContain(password);
    expect((await stack.getJson(`/api/schedules?jobId=${DEVICE_LOGIN}`)).body.total).toBe(0);
  });
});
