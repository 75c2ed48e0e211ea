/**
 * What a hostile or unlucky client meets at the API's edge, before and around authentication: NUL characters
 * anywhere text comes in, bodies too large or nested too deep, hardened headers, and brute force on tokens.
 */
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';
const ELEVEN_MEBIBYTES = 11 * 1024 * 1024;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** A request from a loopback address of the test's choosing (127.0.0.2, ...), so that limits per address can be seen apart. */
function requestFrom(localAddress: string, apiUrl: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Answer> {
  const url = new URL(path, apiUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: body === undefined ? 'GET' : 'POST', headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('the API edge', () => {
  let stack: YardmasterStack;

  beforeAll(async () => {
    stack = await YardmasterStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** The administrator's request: every permission, so only the edge can refuse it. */
  async function send(method: string, path: string, body?: string, contentType = 'application/json'): Promise<{ status: number; body: any }> {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: stack.admin.headers(body === undefined ? {} : { 'content-type': contentType }),
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  describe('a NUL character', () => {
    // JSON text with the escape in it, as a client sends it: "\u0000" inside a JSON string.
    const NUL = '\\u0000';

    it.each([
      ['a run', 'POST', '/api/jobs/examples.HelloWorld/runs', `{"data":{"name":"a${NUL}b","count":1}}`, 'data.name'],
      ["a job override's description", 'PUT', '/api/jobs/examples.HelloWorld/overrides', `{"description":"a${NUL}b"}`, 'description'],
      ["a schedule's key", 'POST', '/api/schedules', `{"jobId":"examples.HelloWorld","key":"a${NUL}b","intervalMinutes":5,"data":{"name":"x"}}`, 'key'],
      ['an inventory site', 'POST', '/api/inventory/sites', `{"name":"a${NUL}b"}`, 'name'],
      ["a token's name", 'POST', '/api/me/tokens', `{"name":"a${NUL}b"}`, 'name'],
      ['a user', 'POST', '/api/users', `{"username":"ann","displayName":"a${NUL}b"}`, 'displayName'],
      ['a key deep in run data', 'POST', '/api/jobs/examples.HelloWorld/runs', `{"data":{"name":"x","extra":[{"a${NUL}b":1}]}}`, 'data.extra[0].a\\u0000b'],
    ])('in %s is refused with 400 VALIDATION_FAILED naming the field', async (_what, method, path, body, field) => {
      const answer = await send(method, path, body);

      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field, message: NUL_MESSAGE }] });
    });

    it.each([
      ['a run filter', '/api/runs?jobId=a%00b', 'query.jobId'],
      ['an inventory filter', '/api/inventory/devices?tag=%00', 'query.tag'],
      ['an audit filter', '/api/audit?actor=a%00b', 'query.actor'],
      ['a schedule filter', '/api/schedules?jobId=a%00b', 'query.jobId'],
      ['a username in the path', '/api/users/a%00b', 'path.username'],
      ['a run id in the path', '/api/runs/a%00b', 'path.runId'],
      ['a job id in the path', '/api/jobs/a%00b', 'path.jobId'],
    ])('in %s is refused with 400 VALIDATION_FAILED naming the field', async (_what, path, field) => {
      const answer = await send('GET', path);

      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field, message: NUL_MESSAGE }] });
    });

    it("in a multipart run request's data, its text parts or a file's name is refused, naming the field", async () => {
      const post = async (form: FormData) => {
        const response = await fetch(`${stack.apiUrl}/api/jobs/examples.UploadSummary/runs`, { method: 'POST', headers: stack.admin.headers(), body: form });
        return { status: response.status, body: await response.json() };
      };
      const withFile = (name = 'r1.cfg') => {
        const form = new FormData();
        form.set('file', new Blob(['hostname r1\n'], { type: 'text/plain' }), name);
        return form;
      };

      const inData = withFile();
      inData.set('data', `{"note":"a${NUL}b"}`);
      expect(await post(inData)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'data.note', message: NUL_MESSAGE }] } });

      const inQueue = withFile();
      inQueue.set('queue', 'de\u0000fault');
      expect(await post(inQueue)).toMatchObject({ status: 400, body: { fieldErrors: [{ field: 'queue', message: NUL_MESSAGE }] } });

      // A raw NUL cannot stand in a part's header; the extended form (RFC 5987) of a file name can carry one.
      const boundary = 'yard-edge-boundary';
      const body = [
        `--${boundary}`,
        `Content-Disposition: form-data; name="file"; filename*=UTF-8''r1%00.cfg`,
        'Content-Type: text/plain',
        '',
        'hostname r1',
        `--${boundary}--`,
        '',
      ].join('\r\n');
      const namedWithNul = await fetch(`${stack.apiUrl}/api/jobs/examples.UploadSummary/runs`, {
        method: 'POST',
        headers: stack.admin.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
        body,
      });
      expect({ status: namedWithNul.status, body: await namedWithNul.json() }).toMatchObject({ status: 400, body: { fieldErrors: [{ field: 'data.file', message: NUL_MESSAGE }] } });
    });

    it('leaves nothing behind: no run, schedule, site, token or user was made', async () => {
      expect((await stack.getJson('/api/runs')).body.total).toBe(0);
      expect((await stack.getJson('/api/schedules')).body.total).toBe(0);
      expect((await stack.getJson('/api/inventory/sites')).body.total).toBe(0);
      expect((await stack.getJson('/api/users')).body.items.map((user: { username: string }) => user.username)).not.toContain('ann');
      expect((await stack.getJson('/api/me/tokens')).body.items).toHaveLength(1);
      expect((await stack.getJson('/api/jobs/examples.HelloWorld')).body.overrides).toEqual({});
    });
  });

  describe('a body too large', () => {
    const huge = `{"data":{"name":"${'x'.repeat(ELEVEN_MEBIBYTES)}"}}`;

    it('is refused with 413 PAYLOAD_TOO_LARGE, no stack trace, before authentication (even a bad token gets 413, not 401)', async () => {
      for (const headers of [{}, { authorization: 'Bearer yard_not-a-token-anyone-issued' }, stack.admin.headers()]) {
        const response = await fetch(`${stack.apiUrl}/api/jobs/examples.HelloWorld/runs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: huge });
        const text = await response.text();

        expect(response.status).toBe(413);
        expect(JSON.parse(text)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: 10 * 1024 * 1024 } });
        expect(text).not.toMatch(/\bat \S+ \(|node_modules|Error:/);
      }
    });

    it('is refused the same when gzip makes it small on the wire', async () => {
      const compressed = gzipSync(huge);
      expect(compressed.length).toBeLessThan(1024 * 1024);

      const response = await fetch(`${stack.apiUrl}/api/jobs/examples.HelloWorld/runs`, {
        method: 'POST',
        headers: stack.admin.headers({ 'content-type': 'application/json', 'content-encoding': 'gzip' }),
        body: compressed,
      });

      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('within the limit but larger than a message to the scheduler may be is 413 PAYLOAD_TOO_LARGE, not 500', async () => {
      const twoMebibytes = JSON.stringify({ data: { name: 'x'.repeat(2 * 1024 * 1024) } });
      const answer = await send('POST', '/api/jobs/examples.HelloWorld/runs', twoMebibytes);

      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('max_payload') });
    });

    it('under the limit is read as usual', async () => {
      const nineMebibytes = JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) });
      const answer = await send('POST', '/api/inventory/sites', nineMebibytes);

      // Read, then refused by the site's own rule for names: the body got through the edge.
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'name', message: expect.stringContaining('at most') }] });
    });
  });

  describe('JSON nested too deep', () => {
    const nested = (levels: number) => `{"data":{"name":"x","deep":${'['.repeat(levels)}${']'.repeat(levels)}}}`;

    it('is refused with 400 MALFORMED_REQUEST before authentication, 10,000 levels without a RangeError', async () => {
      for (const headers of [{}, stack.admin.headers()]) {
        const response = await fetch(`${stack.apiUrl}/api/jobs/examples.HelloWorld/runs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: nested(10_000) });

        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ code: 'MALFORMED_REQUEST', message: 'JSON may nest objects and arrays at most 64 levels deep' });
      }
    });

    it('is refused at 65 levels and read at 64', async () => {
      // {"data": {..., "deep": [...]}}: two levels around the arrays.
      expect((await send('POST', '/api/jobs/examples.HelloWorld/runs', nested(63))).body.code).toBe('MALFORMED_REQUEST');
      expect((await send('POST', '/api/jobs/examples.HelloWorld/runs', nested(62))).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'data.deep', message: 'is not a variable of this job' }],
      });
    });

    it("is refused in a multipart run request's data too", async () => {
      const form = new FormData();
      form.set('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
      form.set('data', `{"deep":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
      const response = await fetch(`${stack.apiUrl}/api/jobs/examples.UploadSummary/runs`, { method: 'POST', headers: stack.admin.headers(), body: form });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'MALFORMED_REQUEST', fieldErrors: [{ field: 'data', message: 'must nest at most 64 levels deep' }] });
    });
  });

  describe('headers', () => {
    function expectHardened(headers: Headers): void {
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }

    it('are hardened on every response: successes, errors, unknown routes, refused bodies', async () => {
      const answers = await Promise.all([
        fetch(`${stack.apiUrl}/api/health`),
        fetch(`${stack.apiUrl}/api/jobs`, { headers: stack.admin.headers() }),
        fetch(`${stack.apiUrl}/api/jobs`),
        fetch(`${stack.apiUrl}/api/no-such-route`),
        fetch(`${stack.apiUrl}/api/jobs/examples.HelloWorld/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":' }),
      ]);

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 404, 400]);
      for (const answer of answers) {
        expectHardened(answer.headers);
        expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
    });

    it("give the docs a policy Swagger UI can live with: its own scripts and styles, never framed, and a page with no inline script", async () => {
      const page = await fetch(`${stack.apiUrl}/api/docs`);
      const html = await page.text();

      expect(page.status).toBe(200);
      expectHardened(page.headers);
      const policy = page.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      expect(policy).toContain("connect-src 'self'");
      // script-src 'self' allows scripts from files only: every script of the page must be one.
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        expect(attributes).toMatch(/src=/);
        expect(inline!.trim()).toBe('');
      }
      for (const [, source] of html.matchAll(/src=["']([^"']+)["']/g)) {
        const script = await fetch(new URL(source!, `${stack.apiUrl}/api/docs/`));
        expect([source, script.status]).toEqual([source, 200]);
      }
    });

    it('keep the one-time token secret out of every cache (Cache-Control: no-store)', async () => {
      const mine = await fetch(`${stack.apiUrl}/api/me/tokens`, { method: 'POST', headers: stack.admin.headers({ 'content-type': 'application/json' }), body: '{"name":"cache-check"}' });
      expect((await stack.admin.request('POST', '/api/users', { username: 'cache-user' })).status).toBe(201);
      const theirs = await fetch(`${stack.apiUrl}/api/users/cache-user/tokens`, { method: 'POST', headers: stack.admin.headers({ 'content-type': 'application/json' }), body: '{"name":"x"}' });

      for (const answer of [mine, theirs]) {
        expect(answer.status).toBe(201);
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(((await answer.json()) as { token?: unknown }).token).toEqual(expect.any(String));
      }
    });

    it('carry no CORS permission while no origin is configured', async () => {
      const preflight = await fetch(`${stack.apiUrl}/api/jobs`, {
        method: 'OPTIONS',
        headers: { origin: 'https://ops.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      const read = await fetch(`${stack.apiUrl}/api/jobs`, { headers: stack.admin.headers({ origin: 'https://ops.example.com' }) });

      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('failed authentication', () => {
    const BAD = { authorization: 'Bearer yard_not-a-token-anyone-issued' };

    it('is limited per client address: the 21st bad token in a minute gets 429 with Retry-After, and so does a good one from there', async () => {
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        expect([attempt, (await requestFrom('127.0.0.2', stack.apiUrl, '/api/jobs', BAD)).status]).toEqual([attempt, 401]);
      }

      const limited = await requestFrom('127.0.0.2', stack.apiUrl, '/api/jobs', BAD);
      expect(limited.status).toBe(429);
      expect(JSON.parse(limited.text)).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // Once limited, no token is looked up from there: a guess that happened to be right would learn nothing.
      expect((await requestFrom('127.0.0.2', stack.apiUrl, '/api/jobs', stack.admin.headers())).status).toBe(429);
      // Another address is not held back.
      expect((await requestFrom('127.0.0.3', stack.apiUrl, '/api/jobs', stack.admin.headers())).status).toBe(200);
    });

    it('never counts successful requests', async () => {
      for (let request = 0; request < 60; request += 1) {
        expect([request, (await requestFrom('127.0.0.4', stack.apiUrl, '/api/me', stack.admin.headers())).status]).toEqual([request, 200]);
      }
    });
  });

  describe('query filters', () => {
    it('read installed only as true or false', async () => {
      expect((await send('GET', '/api/jobs?installed=true')).status).toBe(200);
      expect(await send('GET', '/api/jobs?installed=anything')).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'installed', message: 'must be true or false' }] },
      });
    });
  });
});
