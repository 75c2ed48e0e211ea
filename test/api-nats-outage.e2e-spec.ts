/**
 * NATS down under a running stack: a run request cannot reach the scheduler. The API answers at once with 503
 * naming NATS by address, saying the run was not started (nothing was sent), with Retry-After; once NATS is back
 * the same request with the same Idempotency-Key makes exactly one run. The stack runs on a nats-server of the
 * test's own, which the test kills and starts again.
 */
import { OwnNatsServer, waitFor } from '@yardmaster/testing';
import { randomUUID } from 'node:crypto';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const JOB = 'examples.HelloWorld';

describe('NATS down: starting a run', () => {
  let server: OwnNatsServer;
  let stack: YardmasterStack;

  beforeAll(async () => {
    server = await OwnNatsServer.start();
    stack = await YardmasterStack.start({}, { natsUrl: server.url });
  });

  afterAll(async () => {
    if (server && !server.isRunning) await server.start();
    await stack?.stop();
    await server?.dispose();
  });

  async function start(key: string): Promise<{ status: number; retryAfter: string | null; body: any }> {
    const headers = stack.admin.headers({ 'content-type': 'application/json', 'idempotency-key': key });
    const response = await fetch(`${stack.apiUrl}/api/jobs/${JOB}/runs`, { method: 'POST', headers, body: JSON.stringify({ data: { name: 'nats outage', count: 1 } }) });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  }

  it('answers 503 naming NATS with Retry-After and started: false; a keyed retry once NATS is back makes one run', async () => {
    const key = randomUUID();
    const address = `127.0.0.1:${server.port}`;
    await server.kill();
    await waitFor(async () => {
      const health = await fetch(`${stack.apiUrl}/api/health`);
      const { checks } = (await health.json()) as { checks: Record<string, { status: string }> };
      return checks['nats']?.status === 'down' ? true : undefined;
    }, 30_000, 'the API to see NATS down', 250);

    const refused = await start(key);
    expect([refused.status, refused.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(refused.body.message).toBe(`NATS at ${address} cannot be reached, so the scheduler could not be asked. The run was not started. Try again later.`);
    expect(refused.body.details).toEqual({ dependency: 'nats', address, started: false, retryAfterSeconds: 5 });
    expect(refused.retryAfter).toBe('5');

    await server.start();
    const accepted = await waitFor(async () => {
      const answer = await start(key);
      return answer.status === 202 ? answer : undefined;
    }, 60_000, 'the keyed retry to be accepted', 500);
    await stack.waitForRunToEnd(accepted.body.runId, 30_000);
    const runs = await stack.getJson(`/api/runs?jobId=${JOB}`);
    expect(runs.body.items.map((run: { id: string }) => run.id)).toEqual([accepted.body.runId]);
  });
});
