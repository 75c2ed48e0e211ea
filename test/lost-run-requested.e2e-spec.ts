/**
 * A run whose run.requested was lost: NATS went down while the scheduler was starting the run's workflow, and the
 * scheduler died before NATS came back, so the event it kept to publish again is gone with it. Once NATS and a
 * scheduler are back, the reconciler publishes the event again from the workflow's start input: the read model
 * holds the run's requester, data and queue, and the audit its entry; the client was told the run may have started.
 * On NATS and Temporal servers of the test's own.
 */
import { randomUUID } from 'node:crypto';
import { OwnNatsServer, OwnTemporalServer, startTogether, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(150_000);

const JOB = 'examples.HelloWorld';

describe('a lost run.requested', () => {
  let nats: OwnNatsServer;
  let temporal: OwnTemporalServer;
  let stack: YardmasterStack;

  beforeAll(async () => {
    [nats, temporal] = await startTogether<[OwnNatsServer, OwnTemporalServer]>([() => OwnNatsServer.start(), () => OwnTemporalServer.start()]);
    // The start waits for Temporal long enough for the test to take NATS away meanwhile; the reconciler runs often.
    stack = await YardmasterStack.start(
      { YARD_TEMPORAL_CALL_TIMEOUT_MS: '60000', YARD_RECONCILE_INTERVAL_SECONDS: '1' },
      { natsUrl: nats.url, temporalAddress: temporal.address },
    );
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([nats?.dispose(), temporal?.dispose()]);
  });

  it('is published again from the workflow input once NATS and a scheduler are back', async () => {
    await temporal.kill();
    const correlationId = `e2e-lost-${randomUUID()}`;
    const request = fetch(`${stack.apiUrl}/api/jobs/${JOB}/runs`, {
      method: 'POST',
      headers: stack.admin.headers({ 'content-type': 'application/json', 'x-correlation-id': correlationId }),
      body: JSON.stringify({ data: { name: 'lost', count: 1 }, queue: 'high' }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
    // The scheduler has the command and waits for Temporal.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await nats.kill();
    await temporal.start();
    // The scheduler's line about it carries the correlation id the request came with.
    const refusedLine = (line: Record<string, unknown>) =>
      line.msg === 'Event not published: will publish it again once NATS takes it' && line.eventType === 'run.requested' && line.correlationId === correlationId;
    await waitFor(async () => (stack.service('scheduler').logLines.some(refusedLine) ? true : undefined), 60_000, 'the refused run.requested', 250);
    await stack.service('scheduler').kill();
    // The command reached the scheduler before NATS went away: the API cannot know what became of it, and says so.
    const answer = await request;
    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer.body.message).toContain(`NATS at 127.0.0.1:${nats.port} went away before the scheduler answered, so the run may have started`);
    expect(answer.body.details).toMatchObject({ dependency: 'nats', started: 'unknown' });

    await nats.start();
    stack.startService('scheduler');

    const run = await waitFor(
      async () => {
        const runs = await stack.getJson(`/api/runs?jobId=${JOB}`).catch(() => null);
        const found = runs?.body?.items?.[0];
        return found?.requestedBy ? found : undefined;
      },
      60_000,
      'the run with its requester',
      500,
    );
    expect(run).toMatchObject({ requestedBy: 'admin', queue: 'high', data: { name: 'lost', count: 1 } });
    const audit = await waitFor(
      async () => {
        const entries = await stack.getJson(`/api/audit?action=run.requested&targetId=${run.id}`);
        return entries.body.items?.length ? entries.body.items : undefined;
      },
      20_000,
      'the audit entry',
      500,
    );
    expect(audit).toEqual([expect.objectContaining({ actor: 'admin', action: 'run.requested' })]);
  });
});
