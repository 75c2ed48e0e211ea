/**
 * Idempotency-Key on `POST /api/jobs/{jobId}/runs`: a client whose answer was lost sends the same request with the
 * same key and gets the same run, never a second one; the key is the caller's own (another user's equal key is
 * another request), and a key reused for a different request or malformed is refused.
 */
import { randomUUID } from 'node:crypto';
import type { ApiSession } from './support/api-session';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(120_000);

const JOB = 'examples.HelloWorld';

describe('Idempotency-Key on run starts', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    // A queue the scheduler accepts but no collector serves (they serve `default`).
    stack = await YardmasterStack.start({ YARD_CUSTOM_QUEUES: 'night' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function start(session: ApiSession, key: string | null, body: object): Promise<{ status: number; replayed: string | null; body: any }> {
    const headers = session.headers({ 'content-type': 'application/json', ...(key === null ? {} : { 'idempotency-key': key }) });
    const response = await fetch(`${stack.apiUrl}/api/jobs/${JOB}/runs`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.json() };
  }

  it('answers a repeat with the same run, refuses the key for another body, keeps users apart, warns of an unserved queue, and answers a keyed cancel once', async () => {
    const key = randomUUID();
    const body = { data: { name: 'keyed', count: 1 } };

    const first = await start(stack.admin, key, body);
    expect([first.status, first.replayed, first.body.warnings]).toEqual([202, null, undefined]);
    const again = await start(stack.admin, key, { ...body });
    expect([again.status, again.replayed, again.body.runId]).toEqual([202, 'true', first.body.runId]);

    const otherBody = await start(stack.admin, key, { data: { name: 'other', count: 1 } });
    expect([otherBody.status, otherBody.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);

    const malformed = await start(stack.admin, 'x'.repeat(256), body);
    expect([malformed.status, malformed.body.code, malformed.body.fieldErrors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'header.Idempotency-Key']);

    const operator = await stack.createUser('keyed-operator', ['runs.view_own', 'jobs.run']);
    const theirs = await start(operator, key, body);
    expect(theirs.status).toBe(202);
    expect(theirs.body.runId).not.toBe(first.body.runId);

    const unserved = await start(stack.admin, null, { ...body, queue: 'night' });
    expect(unserved.status).toBe(202);
    expect(unserved.body.warnings).toEqual([expect.stringContaining('no collector serves queue night')]);

    // A keyed cancel is answered once: its repeat gets the first answer again.
    const cancelKey = randomUUID();
    const cancel = () =>
      fetch(`${stack.apiUrl}/api/runs/${unserved.body.runId}/cancel`, { method: 'POST', headers: stack.admin.headers({ 'idempotency-key': cancelKey }) });
    const cancelled = await cancel();
    const cancelledAgain = await cancel();
    expect([cancelled.status, cancelledAgain.status, cancelledAgain.headers.get('idempotent-replayed')]).toEqual([202, 202, 'true']);
    expect(await cancelledAgain.json()).toEqual(await cancelled.json());

    await stack.waitForRunToEnd(first.body.runId);
    const runs = await stack.getJson(`/api/runs?jobId=${JOB}`);
    expect(runs.body.items.map((run: { id: string }) => run.id).sort()).toEqual([first.body.runId, theirs.body.runId, unserved.body.runId].sort());
  });
});
