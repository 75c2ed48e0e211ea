/**
 * PostgreSQL down under a running API: every authenticated route (the token lookup needs the database) and every
 * read answers 503 SERVICE_UNAVAILABLE naming the database by address (never its password), with Retry-After;
 * once PostgreSQL is back, the same requests succeed without restarting anything. The stack runs on a PostgreSQL
 * server of the test's own, which the test stops (immediately, as a crash) and starts again.
 */
import { OwnPostgresServer, waitFor } from '@yardmaster/testing';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(240_000);

/** Trust authentication ignores it, so it can stand in the URL to prove it never leaves the API. */
const PASSWORD = 'never-shown-4f1c';

describe('PostgreSQL down', () => {
  let server: OwnPostgresServer;
  let stack: YardmasterStack;
  let address: string;

  beforeAll(async () => {
    server = await OwnPostgresServer.start();
    address = `127.0.0.1:${server.port}`;
    stack = await YardmasterStack.start({}, { databaseServerUrl: `postgres://postgres:${PASSWORD}@${address}/postgres` });
  });

  afterAll(async () => {
    if (server && !server.isRunning) await server.start();
    await stack?.stop();
    await server?.dispose();
  });

  const READS = ['/api/me', '/api/jobs', '/api/jobs/examples.HelloWorld', '/api/runs', '/api/schedules', '/api/users', '/api/inventory/sites', '/api/audit'];

  async function call(path: string, init: RequestInit = {}): Promise<{ status: number; retryAfter: string | null; text: string }> {
    const response = await fetch(`${stack.apiUrl}${path}`, { ...init, headers: { ...stack.admin.headers({ 'content-type': 'application/json' }), ...init.headers } });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
  }

  it('answers every read and write with 503 naming the database, then the same requests succeed once it is back', async () => {
    for (const path of READS) expect([path, (await call(path)).status]).toEqual([path, 200]);

    await server.stop('immediate');

    const during = [
      ...READS.map((path) => ({ what: `GET ${path}`, answer: () => call(path) })),
      { what: 'POST /api/inventory/sites', answer: () => call('/api/inventory/sites', { method: 'POST', body: '{"name":"Amsterdam 1"}' }) },
      { what: 'a token nobody issued', answer: () => call('/api/jobs', { headers: { authorization: 'Bearer yard_not-a-token-anyone-issued' } }) },
    ];
    for (const { what, answer } of during) {
      const { status, retryAfter, text } = await answer();
      expect([what, status]).toEqual([what, 503]);
      expect([what, Number(retryAfter)]).toEqual([what, 5]);
      const body = JSON.parse(text) as { code: string; message: string; details: Record<string, unknown> };
      expect([what, body.code, body.details]).toEqual([what, 'SERVICE_UNAVAILABLE', { dependency: 'postgres', address, retryAfterSeconds: 5 }]);
      expect(body.message).toContain(`PostgreSQL at ${address}`);
      expect(text).not.toContain(PASSWORD);
    }

    await server.start();

    for (const path of READS) {
      await waitFor(async () => ((await call(path)).status === 200 ? true : undefined), 60_000, `GET ${path} to answer 200 again`, 250);
    }
    expect((await call('/api/inventory/sites', { method: 'POST', body: '{"name":"Amsterdam 1"}' })).status).toBe(201);
    expect(stack.service('api').logs).not.toContain(PASSWORD);
  });
});
