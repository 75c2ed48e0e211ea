import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@yardmaster/testing';
import type { ApiSession } from './support/api-session';
import { SseConnection } from './support/sse-client';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

/** A second grouping besides the built-in `Examples`, from a JOBS_ROOT module. */
const NET_CHECKS_TS = `
import { Job } from '@yardmaster/job-sdk';

export const grouping = 'Network checks';

export class PingDevice extends Job {
  static override readonly meta = { name: 'Ping a device' };
  run(): { reachable: boolean } {
    return { reachable: true };
  }
}
`;
const PING = 'net_checks.PingDevice';
const HELLO = 'examples.HelloWorld';
const UNKNOWN_RUN = '00000000-0000-4000-8000-000000000000';

interface Route {
  readonly method: string;
  readonly path: string;
}

/** Every route of the OpenAPI document, with its path parameters filled in, so new routes are covered as they come. */
async function documentedRoutes(apiUrl: string): Promise<Route[]> {
  const document = (await (await fetch(`${apiUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{runId\}/g, UNKNOWN_RUN).replace(/\{[^}]+\}/g, 'x') })),
  );
}

async function call(apiUrl: string, route: Route, headers: Record<string, string> = {}): Promise<{ status: number; body: any; wwwAuthenticate: string | null }> {
  const abort = new AbortController();
  const response = await fetch(`${apiUrl}${route.path}`, {
    method: route.method,
    headers: { ...headers, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
    signal: abort.signal,
  });
  // An event stream that was let through would never end: read only what an error answer carries.
  const body = response.headers.get('content-type')?.startsWith('application/json') ? await response.json() : null;
  abort.abort();
  return { status: response.status, body, wwwAuthenticate: response.headers.get('www-authenticate') };
}

describe('users, tokens and permissions', () => {
  let stack: YardmasterStack;
  let jobsRoot: string;
  let routes: Route[];

  beforeAll(async () => {
    jobsRoot = mkdtempSync(join(tmpdir(), 'yard-e2e-auth-'));
    writeFileSync(join(jobsRoot, 'net_checks.ts'), NET_CHECKS_TS);
    // This test sends a bad token to every route on purpose: more failures than the default limit allows a minute.
    stack = await YardmasterStack.start({ JOBS_ROOT: jobsRoot, YARD_API_AUTH_FAILURE_LIMIT: '1000' });
    await waitFor(async () => ((await stack.getJson(`/api/jobs/${PING}`)).status === 200 ? true : undefined), 30_000, `${PING} in the catalog`);
    routes = await documentedRoutes(stack.apiUrl);
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(jobsRoot, { recursive: true, force: true });
  });

  it('answers 401 UNAUTHENTICATED on every route but health and the event contract without a token, or with a token nobody issued', async () => {
    const guarded = routes.filter((route) => route.path !== '/api/health' && route.path !== '/api/events-doc');
    expect(guarded.length).toBeGreaterThan(30);
    expect(guarded).toEqual(expect.arrayContaining([{ method: 'GET', path: '/api/runs' }, { method: 'POST', path: '/api/users' }, { method: 'GET', path: '/api/me' }]));

    for (const route of guarded) {
      const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer yard_not-a-token-anyone-issued' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }];
      for (const headers of attempts) {
        const answer = await call(stack.apiUrl, route, headers);
        expect({ route, status: answer.status, code: answer.body?.code }).toEqual({ route, status: 401, code: 'UNAUTHENTICATED' });
        expect(answer.wwwAuthenticate).toMatch(/^Bearer/);
      }
    }
    expect((await fetch(`${stack.apiUrl}/api/health`)).status).toBe(200);
    // The event contract is public, as the OpenAPI document is.
    const eventsDoc = await fetch(`${stack.apiUrl}/api/events-doc`);
    expect(eventsDoc.status).toBe(200);
    expect(await eventsDoc.json()).toMatchObject({ asyncapi: '3.0.0', channels: { 'run.completed': { address: '{instance}.run.{runId}.completed' } } });
  });

  it('refuses a revoked token and an expired one with 401', async () => {
    const carol = await stack.createUser('carol', ['jobs.view']);
    expect((await carol.getJson('/api/me')).body).toMatchObject({ username: 'carol', admin: false, readOnly: false });

    const revoked = await stack.admin.sendDelete(`/api/users/carol/tokens/${carol.tokenId}`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(await carol.getJson('/api/jobs')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'The token has been revoked' } });

    const later = await stack.issueToken('carol', { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await later.getJson('/api/jobs')).status).toBe(200);
    // Its expiry moved into the past, as an hour passing would.
    await stack.database.identityDataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [later.tokenId]);
    expect(await later.getJson('/api/jobs')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'The token has expired' } });

    const deactivated = await stack.issueToken('carol');
    await stack.admin.sendPatch('/api/users/carol', { active: false });
    expect((await deactivated.getJson('/api/jobs')).status).toBe(401);
  });

  it('answers 403 FORBIDDEN on every write route for a read-only token, even an administrator’s, and lets it read', async () => {
    const reader = await stack.createUser('reader', [], { readOnly: true }, { admin: true });
    const writes = routes.filter((route) => route.method !== 'GET');
    expect(writes.length).toBeGreaterThan(15);

    for (const route of writes) {
      const answer = await call(stack.apiUrl, route, reader.headers());
      expect({ route, status: answer.status, code: answer.body?.code }).toEqual({ route, status: 403, code: 'FORBIDDEN' });
    }
    expect((await reader.getJson('/api/runs')).status).toBe(200);
    expect((await reader.getJson('/api/users')).status).toBe(200);
  });

  describe('a user who may run the jobs of one grouping', () => {
    let dave: ApiSession;
    let adminsRun: string;

    beforeAll(async () => {
      dave = await stack.createUser('dave', [{ permission: 'jobs.run', groupings: ['Examples'] }]);
      adminsRun = await stack.startRun(HELLO, { data: { name: 'admin' } });
      await stack.waitForRunToEnd(adminsRun);
    });

    it('runs those jobs as themself, and gets 403 on a job of another grouping', async () => {
      const runId = await dave.startRun(HELLO, { data: { name: 'dave', count: 1 } });
      const run = await dave.waitForRunToEnd(runId);
      expect(run).toMatchObject({ status: 'completed', requestedBy: 'dave' });

      const other = await dave.post(`/api/jobs/${PING}/runs`, '{}');
      expect(other).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect((await stack.getJson(`/api/runs?jobId=${PING}`)).body.total).toBe(0);
    });

    it('sees only the jobs they may run, with a total that matches', async () => {
      const { body } = await dave.getJson('/api/jobs?limit=500');
      expect(body.items.length).toBeGreaterThan(3);
      expect(body.total).toBe(body.items.length);
      expect(body.items.every((job: any) => job.grouping === 'Examples')).toBe(true);
      expect((await dave.getJson(`/api/jobs/${PING}`)).status).toBe(404);
    });

    it('sees only their own runs in /api/runs, with a total that matches, and 404 for anyone else’s', async () => {
      const mine = await dave.startRun(HELLO, { data: { name: 'again', count: 1 } });
      await dave.waitForRunToEnd(mine);

      const { body } = await dave.getJson('/api/runs?limit=500');
      expect(body.items.length).toBeGreaterThanOrEqual(2);
      expect(body.total).toBe(body.items.length);
      expect(body.items.every((run: any) => run.requestedBy === 'dave')).toBe(true);
      expect((await dave.getJson('/api/runs?limit=1')).body.total).toBe(body.total);
      // The administrator sees both.
      const all = (await stack.getJson('/api/runs?limit=500')).body;
      expect(all.items.map((run: any) => run.requestedBy)).toEqual(expect.arrayContaining(['dave', 'admin']));

      for (const path of [`/api/runs/${adminsRun}`, `/api/runs/${adminsRun}/logs`, `/api/runs/${adminsRun}/events`]) {
        expect({ path, ...(await dave.getJson(path)) }).toMatchObject({ path, status: 404, body: { code: 'RUN_NOT_FOUND' } });
      }
      expect(await dave.post(`/api/runs/${adminsRun}/cancel`, '{}')).toMatchObject({ status: 404, body: { code: 'RUN_NOT_FOUND' } });
      expect((await dave.getJson('/api/events')).status).toBe(403);
    });

    it('streams their own run and cancels it', async () => {
      const runId = await dave.startRun('examples.SlowCount', { data: { seconds: 60 } });
      const stream = await SseConnection.open(`${stack.apiUrl}/api/runs/${runId}/events`, { token: dave.token });
      await stream.readUntil((event) => event.event === 'run.started', 20_000);

      const cancel = await dave.post(`/api/runs/${runId}/cancel`, '{}');
      expect(cancel).toMatchObject({ status: 202, body: { cancelRequestedBy: 'dave' } });
      const rest = await stream.readToEnd(20_000);
      expect(rest.at(-1)?.event).toBe('run.cancelled');
      expect(await dave.waitForRunToEnd(runId)).toMatchObject({ status: 'cancelled', requestedBy: 'dave', cancelRequestedBy: 'dave' });
    });

    it('may not administer users or change the catalog', async () => {
      expect((await dave.getJson('/api/users')).status).toBe(403);
      expect((await dave.sendPut(`/api/jobs/${HELLO}/overrides`, { enabled: false })).status).toBe(403);
      expect((await dave.post('/api/schedules', JSON.stringify({ jobId: HELLO, intervalMinutes: 5 }))).status).toBe(403);
    });
  });

  it('keeps only hashes of tokens in the database: no secret appears in it', async () => {
    const eve = await stack.createUser('eve', ['jobs.view']);
    const secrets = [stack.adminToken, eve.token];
    const rows: unknown[] = await stack.database.identityDataSource.query('SELECT * FROM api_tokens');
    const users: unknown[] = await stack.database.identityDataSource.query('SELECT * FROM users');
    const dump = JSON.stringify([rows, users]);

    expect(rows.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      // Not even the part after the short visible prefix.
      expect(dump).not.toContain(secret.slice(13));
    }
    // Listing tokens never shows them either.
    expect(JSON.stringify((await stack.admin.getJson('/api/users/eve/tokens')).body)).not.toContain(eve.token);
  });
});
