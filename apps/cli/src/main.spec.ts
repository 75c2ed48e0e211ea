import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchLike } from './api-client';
import { createIo, type Output } from './io';
import { main } from './main';
import { stripAnsi } from './render/colours';
import { cancelRunAccepted, collectionPlanView, jobView, runView, scheduleView, startRunAccepted } from './test-support/api-views';

/** Output kept in memory. */
class Captured implements Output {
  text = '';
  constructor(readonly isTTY = false) {}
  write(text: string): void {
    this.text += text;
  }
}

interface Recorded {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Route = (request: Recorded) => Response | undefined;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sse = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });

/** A fake API: each route answers or passes; what nothing answers is a 404 ROUTE_NOT_FOUND. */
function fakeApi(...routes: Route[]): { fetch: FetchLike; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetchImpl: FetchLike = async (url, init = {}) => {
    const request: Recorded = {
      method: init.method ?? 'GET',
      url: new URL(url),
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    for (const route of routes) {
      const response = route(request);
      if (response) return response;
    }
    return json({ code: 'ROUTE_NOT_FOUND', message: `no route ${request.method} ${request.url.pathname}` }, 404);
  };
  return { fetch: fetchImpl, requests };
}

const on =
  (method: string, path: string, answer: (request: Recorded) => Response): Route =>
  (request) =>
    request.method === method && request.url.pathname === path ? answer(request) : undefined;

/** Where these tests save logins: nowhere, unless a test says so. */
const NO_SAVED_LOGIN = join(tmpdir(), 'yard-cli-tests-no-such-dir', 'config.json');

async function yard(
  argv: string[],
  fetchImpl: FetchLike,
  options: { env?: NodeJS.ProcessEnv; tty?: boolean; configPath?: string; secret?: string } = {},
) {
  const stdout = new Captured(options.tty);
  const stderr = new Captured(options.tty);
  const env = { YARD_URL: 'http://api.test:3000', ...options.env };
  const code = await main(argv, {
    io: createIo(stdout, stderr, env),
    env,
    fetchImpl,
    followTuning: { sleep: async () => undefined },
    configPath: options.configPath ?? NO_SAVED_LOGIN,
    readSecret: async () => options.secret ?? '',
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const RUN_ID = '0b6f3b7e-1d6c-4e4e-9d35-5f3c1c6f4a11';

const HELLO_WORLD = jobView({
  id: 'examples.HelloWorld',
  name: 'Hello World',
  description: 'Greets someone, count times.',
  grouping: 'Examples',
  module: 'examples',
  className: 'HelloWorld',
  installed: true,
  steps: ['run'],
  variables: [
    { name: 'name', type: 'string', label: 'Name', description: 'Who to greet', required: true, maxLength: 100 },
    { name: 'count', type: 'integer', label: 'Count', description: 'How many', required: false, default: 3, minValue: 1, maxValue: 100 },
  ],
  schema: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } },
});

const ACCEPTED = startRunAccepted({
  runId: RUN_ID,
  jobId: 'examples.HelloWorld',
  workflowId: `run-${RUN_ID}`,
  status: 'queued',
  data: { name: 'yard', count: 3 },
  commit: true,
  queue: 'default',
  requestedBy: 'anonymous',
  requestedAt: '2025-01-01T10:00:00.000Z',
  runTimeoutSeconds: 1800,
});

let sequence = 0;
function event(type: string, data: object, occurredAt = '2025-01-01T10:00:01.000Z'): string {
  sequence++;
  const envelope = { id: `${RUN_ID}:${type}:${sequence}`, type, version: 1, occurredAt, aggregateId: RUN_ID, sequence, correlationId: 'c', causationId: null, actor: 'anonymous', data };
  return `id: ${sequence}\nevent: ${type}\ndata: ${JSON.stringify(envelope)}\n\n`;
}
const log = (level: string, message: string) => event('run.log', { level, grouping: 'run', message, object: null, attempt: 1, loggedAt: '2025-01-01T10:00:01.000Z' });

const TERMINAL: Record<string, object> = {
  'run.completed': { result: { greeting: 'Hello, yard' } },
  'run.failed': { result: null, failureCount: 1 },
  'run.errored': { result: null, error: { message: 'Erroring on purpose', type: 'Error', step: 'run' } },
  'run.cancelled': { result: null, cancelledBy: 'anonymous', step: 'run' },
  'run.timed_out': { result: null, error: { message: 'Step run ran out of time', type: 'TimeoutFailure', step: 'run' } },
};

function helloWorldStream(terminal = 'run.completed'): string {
  return [
    event('run.requested', { jobId: 'examples.HelloWorld', jobName: 'Hello World', data: {}, commit: true, queue: 'default', requestedBy: 'anonymous', workflowId: 'w', requestedAt: '' }, '2025-01-01T10:00:00.000Z'),
    event('run.started', { jobId: 'examples.HelloWorld', workflowId: 'w', attempt: 1 }),
    event('run.progress', { total: 3, done: 1, failed: 0 }),
    log('info', 'Hello, yard (1 of 3)'),
    log('info', 'Hello, yard (2 of 3)'),
    log('info', 'Hello, yard (3 of 3)'),
    log('success', 'Greeted yard 3 times'),
    event(terminal, TERMINAL[terminal], '2025-01-01T10:00:01.500Z'),
  ].join('');
}

const helloWorldApi = (terminal = 'run.completed') =>
  fakeApi(
    on('GET', '/api/jobs/examples.HelloWorld', () => json(HELLO_WORLD)),
    on('POST', '/api/jobs/examples.HelloWorld/runs', () => json(ACCEPTED, 202)),
    on('GET', `/api/runs/${RUN_ID}/events`, () => sse(helloWorldStream(terminal))),
  );

describe('yard: dispatch and help', () => {
  const api = fakeApi();

  it('prints the general help for --help (exit 0), and to stderr with no command at all (exit 10)', async () => {
    const help = await yard(['--help'], api.fetch);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: yard <command>');
    for (const command of ['jobs', 'job', 'run', 'runs', 'logs', 'cancel', 'schedules']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toContain('YARD_TOKEN');
    const none = await yard([], api.fetch);
    expect(none).toMatchObject({ code: 10, stdout: '' });
    expect(none.stderr).toContain('Usage: yard <command>');
  });

  it('prints a command\'s help for `<command> --help` and `help <command>` without calling the API', async () => {
    for (const argv of [['run', '--help'], ['help', 'run'], ['run', 'examples.HelloWorld', '-h']]) {
      const result = await yard(argv, api.fetch);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: yard run <jobId>');
      expect(result.stdout).toContain('--data-file');
    }
    expect(api.requests).toEqual([]);
  });

  it('writes every command it suggests the way the person started it (npx, npm run), so a pasted hint works', async () => {
    const npx = { npm_command: 'exec', npm_lifecycle_event: 'npx', npm_lifecycle_script: "'yard'" };
    const general = await yard(['--help'], api.fetch, { env: npx });
    expect(general.stdout).toContain('Usage: npx yard <command> [arguments] [options]');
    expect(general.stdout).toContain('Run `npx yard <command> --help` for its arguments and options.');
    expect(general.stdout).toContain('the token `npx yard login` saved');
    expect(general.stdout).not.toMatch(/(?<!npx )\byard (login|<command>)\b/);
    const run = await yard(['run', '--help'], api.fetch, { env: npx });
    expect(run.stdout).toContain('Usage: npx yard run <jobId>');
    expect(run.stdout).toContain('  npx yard run examples.HelloWorld --data name=yard');
    expect(run.stdout).toContain('(`npx yard job <jobId>`)');
    expect(run.stdout).not.toMatch(/(?<!npx )\byard (run|job|login)\b/);
    const option = await yard(['jobs', '--bogus'], api.fetch, { env: { npm_command: 'run', npm_lifecycle_event: 'yard' } });
    expect(option.stderr).toContain('Run `npm run yard -- jobs --help` for its usage.');
  });

  it('exits 10 for an unknown command or option, or a bad YARD_URL', async () => {
    const unknown = await yard(['frobnicate'], api.fetch);
    expect(unknown.code).toBe(10);
    expect(unknown.stderr).toContain('yard: unknown command "frobnicate"');
    const option = await yard(['jobs', '--bogus'], api.fetch);
    expect(option.code).toBe(10);
    expect(option.stderr).toContain("yard: jobs: unknown option '--bogus'");
    expect(option.stderr).toContain('Run `yard jobs --help` for its usage.');
    const url = await yard(['jobs'], api.fetch, { env: { YARD_URL: 'not a url' } });
    expect(url.code).toBe(10);
    expect(url.stderr).toContain('YARD_URL is not a URL');
  });
});

describe('yard: talking to the API', () => {
  it('lists jobs as a table, at YARD_URL (a trailing /api is fine), with the bearer token when YARD_TOKEN is set', async () => {
    const api = fakeApi(on('GET', '/api/jobs', () => json({ items: [HELLO_WORLD, { ...HELLO_WORLD, id: 'old.Job', name: 'Old', installed: false }], total: 2, limit: 500, offset: 0 })));
    const result = await yard(['jobs'], api.fetch, { env: { YARD_URL: 'http://api.test:3000/api/', YARD_TOKEN: 's3cret' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      ['ID                   NAME         GROUPING  INSTALLED', 'examples.HelloWorld  Hello World  Examples  yes', 'old.Job              Old          Examples  no', ''].join('\n'),
    );
    expect(api.requests[0].url.href).toBe('http://api.test:3000/api/jobs?limit=500&offset=0');
    expect(api.requests[0].headers.authorization).toBe('Bearer s3cret');

    const anonymous = fakeApi(on('GET', '/api/jobs', () => json({ items: [], total: 0, limit: 500, offset: 0 })));
    await yard(['jobs'], anonymous.fetch);
    expect(anonymous.requests[0].headers.authorization).toBeUndefined();
  });

  it('shows a job with its variables: type, required, default, constraints', async () => {
    const result = await yard(['job', 'examples.HelloWorld'], helloWorldApi().fetch);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('examples.HelloWorld  Hello World\nGreets someone, count times.');
    expect(result.stdout).toContain('Steps:     run');
    expect(result.stdout).toMatch(/^name\s+string\s+yes\s+-\s+at most 100 characters\s+Name: Who to greet$/m);
    expect(result.stdout).toMatch(/^count\s+integer\s+no\s+3\s+1 to 100\s+Count: How many$/m);
  });

  it('starts a run with --data coerced by the job\'s variables over --data-file, and prints only the run id', async () => {
    const api = helloWorldApi();
    const result = await yard(['run', 'examples.HelloWorld', '--data', 'name=yard', '-d', 'count=5', '--dry-run', '--queue', 'high', '--timeout', '60'], api.fetch);
    expect(result).toEqual({ code: 0, stdout: `${RUN_ID}\n`, stderr: '' });
    const post = api.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({ data: { name: 'yard', count: 5 }, commit: false, queue: 'high', runTimeoutSeconds: 60 });
  });

  it('asks for a run as another user with --run-as', async () => {
    const api = helloWorldApi();
    expect((await yard(['run', 'examples.HelloWorld', '--data', 'name=yard', '--run-as', 'bob'], api.fetch)).code).toBe(0);
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({ data: { name: 'yard' }, runAs: 'bob' });
    expect((await yard(['run', 'examples.HelloWorld', '--run-as', ' '], api.fetch)).code).toBe(10);
  });

  it('refuses a --data value that does not fit its variable before sending anything (exit 10)', async () => {
    const api = helloWorldApi();
    const result = await yard(['run', 'examples.HelloWorld', '--data', 'name=yard', '--data', 'count=abc'], api.fetch);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('yard: run: a --data value does not fit its variable\n  data.count: must be a whole number, not "abc"\n');
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);
    expect((await yard(['run', 'examples.HelloWorld', '--commit', '--dry-run'], api.fetch)).code).toBe(10);
  });

  it("prints the API's error, one line per field error, on stderr and exits 11", async () => {
    const api = fakeApi(
      on('POST', '/api/jobs/examples.HelloWorld/runs', () =>
        json({ code: 'VALIDATION_FAILED', message: 'The run request is invalid', fieldErrors: [{ field: 'data.count', message: 'must be at least 1' }], correlationId: 'c-9' }, 400),
      ),
    );
    const result = await yard(['run', 'examples.HelloWorld'], api.fetch);
    expect(result).toEqual({
      code: 11,
      stdout: '',
      stderr: 'yard: The run request is invalid (VALIDATION_FAILED, HTTP 400)\n  data.count: must be at least 1\n  correlation id: c-9\n',
    });
  });

  it('exits 11 with the address when nothing answers', async () => {
    const refused: FetchLike = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    const result = await yard(['runs'], refused);
    expect(result.code).toBe(11);
    expect(result.stderr).toBe('yard: cannot reach the API at http://api.test:3000 (ECONNREFUSED); set YARD_URL to its address\n');
  });

  it('exits 13 with one line naming the mismatches when an answer does not match its view, never printing half a table', async () => {
    // A run whose status this CLI does not know, and a page without its total: an API of another version.
    const run = { ...runView({ id: RUN_ID }), status: 'paused' };
    const api = fakeApi(on('GET', '/api/runs', () => json({ items: [run], limit: 50, offset: 0 })));
    const result = await yard(['runs'], api.fetch);
    expect(result.code).toBe(13);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^yard: the API's answer to GET \/api\/runs does not match its contract \(items\.0\.status: .+; total: .+\); are the CLI and the API the same version\?$/),
      '',
    ]);
  });

  it('exits 13 when a success answer is not JSON at all (a proxy page, another service at YARD_URL)', async () => {
    const api = fakeApi(on('GET', '/api/me', () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } })));
    const result = await yard(['whoami'], api.fetch);
    expect(result).toMatchObject({ code: 13, stdout: '' });
    expect(result.stderr).toBe(`yard: the API's answer to GET /api/me does not match its contract (not JSON: "<html>login</html>"); are the CLI and the API the same version?\n`);
  });

  it('cancels a run and says who and when; a run that has ended gives RUN_ALREADY_FINISHED and exit 11', async () => {
    let cancelled = false;
    const api = fakeApi(
      on('POST', `/api/runs/${RUN_ID}/cancel`, () => {
        if (cancelled) return json({ code: 'RUN_ALREADY_FINISHED', message: `Run ${RUN_ID} has already ended (cancelled); nothing was changed` }, 409);
        cancelled = true;
        return json(cancelRunAccepted({ runId: RUN_ID, cancelRequestedBy: 'anonymous', cancelRequestedAt: '2025-01-01T10:00:02.000Z' }), 202);
      }),
    );
    const first = await yard(['cancel', RUN_ID], api.fetch);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^Cancel of run ${RUN_ID} requested by anonymous at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n$`));
    const second = await yard(['cancel', RUN_ID], api.fetch);
    expect(second.code).toBe(11);
    expect(second.stderr).toContain(`has already ended (cancelled); nothing was changed (RUN_ALREADY_FINISHED, HTTP 409)`);
  });

  it('lists parked events and replays one or all; one that still fails gives REPLAY_FAILED and exit 11', async () => {
    const parked = {
      id: 7,
      stream: 'YARD_RUNS',
      subject: `yard.run.${RUN_ID}.started`,
      sequence: 42,
      consumer: 'yard_projection',
      reason: 'projector bug',
      errorCode: null,
      deliveries: 5,
      parkedAt: '2025-01-01T10:00:02.000Z',
      eventType: 'run.started',
      runId: RUN_ID,
    };
    const api = fakeApi(
      on('GET', '/api/parked-events', () => json({ items: [parked], total: 1 })),
      on('POST', '/api/parked-events/7/replay', () => json({ replayed: [7], failed: [] })),
      on('POST', '/api/parked-events/8/replay', () => json({ code: 'REPLAY_FAILED', message: 'Parked event 8 still cannot be applied: projector bug' }, 422)),
      on('POST', '/api/parked-events/replay', () => json({ replayed: [7], failed: [{ id: 9, error: { code: 'REPLAY_FAILED', message: 'still broken' } }] })),
    );
    const listed = await yard(['parked'], api.fetch);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID +PARKED +FROM +TYPE +RUN +REASON/);
    expect(listed.stdout).toContain(`YARD_RUNS #42`);
    expect(listed.stdout).toContain('projector bug');

    const one = await yard(['parked', 'replay', '7'], api.fetch);
    expect(one).toMatchObject({ code: 0, stdout: 'Replayed 7\n' });
    const failing = await yard(['parked', 'replay', '8'], api.fetch);
    expect(failing.code).toBe(11);
    expect(failing.stderr).toContain('(REPLAY_FAILED, HTTP 422)');
    const all = await yard(['parked', 'replay', '--all'], api.fetch);
    expect(all).toMatchObject({ code: 11, stdout: 'Replayed 7\n', stderr: 'Parked event 9 still fails (REPLAY_FAILED): still broken\n' });
    expect((await yard(['parked', 'replay'], api.fetch)).code).toBe(10);
  });

  it('pages through the whole log', async () => {
    const entries = Array.from({ length: 5 }, (_, index) => ({
      id: String(index),
      position: index,
      level: 'info',
      grouping: 'run',
      message: `line ${index + 1}`,
      object: null,
      attempt: 1,
      loggedAt: '2025-01-01T10:00:01.000Z',
    }));
    // A server that pages by two, whatever the limit asked for; its total counts the entries after the cursor.
    const api = fakeApi(
      on('GET', `/api/runs/${RUN_ID}/logs`, (request) => {
        const after = request.url.searchParams.get('after');
        const rest = entries.filter((entry) => after === null || entry.position > Number(after));
        return json({ items: rest.slice(0, 2), total: rest.length, limit: 2, offset: 0 });
      }),
    );
    const result = await yard(['logs', RUN_ID], api.fetch);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => line.replace(/^\S+\s+/, ''))).toEqual(entries.map((entry) => `info     run       ${entry.message}`));
    expect(api.requests.map((request) => request.url.searchParams.get('after'))).toEqual([null, '1', '3']);
  });

  it('lists runs newest first with the filters given', async () => {
    const run = runView({ id: RUN_ID, jobId: 'examples.HelloWorld', status: 'completed', queue: 'default', requestedBy: 'anonymous', createdAt: '2025-01-01T10:00:00.000Z', completedAt: '2025-01-01T10:00:01.500Z' });
    const api = fakeApi(on('GET', '/api/runs', () => json({ items: [run], total: 7, limit: 1, offset: 0 })));
    const result = await yard(['runs', '--job', 'examples.HelloWorld', '--status', 'completed', '--limit', '1'], api.fetch);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+JOB\s+STATUS\s+QUEUE\s+REQUESTED BY\s+CREATED\s+TOOK\n/);
    expect(result.stdout).toContain(`${RUN_ID}  examples.HelloWorld  completed  default  anonymous`);
    expect(result.stdout).toContain('1.5 s');
    expect(result.stdout).toContain('1 of 7 runs');
    expect(Object.fromEntries(api.requests[0].url.searchParams)).toEqual({ jobId: 'examples.HelloWorld', status: 'completed', limit: '1' });
  });

  it('lists schedules', async () => {
    const schedule = scheduleView({
      id: 'sch-1',
      key: 'nightly',
      jobId: 'examples.HelloWorld',
      timing: { cron: '0 2 * * *', timezone: 'Europe/Paris' },
      state: 'paused',
      pausedReason: 'maintenance',
      nextRunTimes: [],
      lastRun: null,
      totalRuns: 4,
    });
    const api = fakeApi(on('GET', '/api/schedules', () => json({ items: [schedule], total: 1, limit: 500, offset: 0 })));
    const result = await yard(['schedules'], api.fetch);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sch-1\s+nightly\s+examples\.HelloWorld\s+cron 0 2 \* \* \* \(Europe\/Paris\)\s+paused: maintenance\s+-\s+-\s+4$/m);
  });
});

describe('yard run --follow', () => {
  it('prints the log as it comes and exits 0 when the run completes', async () => {
    const result = await yard(['run', 'examples.HelloWorld', '--data', 'name=yard', '--follow'], helloWorldApi().fetch);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Run ${RUN_ID} queued: examples.HelloWorld, queue default, timeout 1800 s`);
    const logLines = lines.filter((line) => /^\d\d:\d\d:\d\d {2}(info|success) /.test(line)).map((line) => line.slice(10));
    expect(logLines).toEqual(['info     run       Hello, yard (1 of 3)', 'info     run       Hello, yard (2 of 3)', 'info     run       Hello, yard (3 of 3)', 'success  run       Greeted yard 3 times']);
    expect(result.stdout).toContain('[########----------------] 1/3  33%');
    expect(lines.at(-1)).toBe(`Run ${RUN_ID} completed (1.5 s)`);
  });

  it.each([
    ['run.completed', 0, 'completed'],
    ['run.failed', 1, 'failed: 1 failure entry'],
    ['run.errored', 2, 'errored: Erroring on purpose (step run)'],
    ['run.cancelled', 3, 'cancelled by anonymous'],
    ['run.timed_out', 4, 'timed out: Step run ran out of time (step run)'],
  ])('exits with the code of the end state: %s → %i', async (terminal, code, summary) => {
    const result = await yard(['logs', RUN_ID, '--follow'], helloWorldApi(terminal).fetch);
    expect(result.code).toBe(code);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`Run ${RUN_ID} ${summary} (1.5 s)`);
  });

  it('colours by level and redraws the progress bar in place on a terminal', async () => {
    const result = await yard(['logs', RUN_ID, '--follow'], helloWorldApi().fetch, { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\u001b[32msuccess  run       Greeted yard 3 times\u001b[39m');
    // The bar is drawn without a newline, cleared before the next log line, and drawn again below it.
    const bar = '[████████░░░░░░░░░░░░░░░░] 1/3  33%';
    expect(result.stdout).toContain(`\r\u001b[2K${bar}\r\u001b[2K`);
    expect(result.stdout).toContain(`Hello, yard (1 of 3)\n${bar}`);
    expect(stripAnsi(result.stdout)).toContain(`${bar}\nRun ${RUN_ID} completed`);
  });

  it('resumes after the last event when the stream drops, and prints nothing twice', async () => {
    const whole = helloWorldStream();
    const cut = whole.indexOf('Hello, yard (2 of 3)');
    const asked: Array<string | undefined> = [];
    const api = fakeApi((request) => {
      if (!request.url.pathname.endsWith('/events')) return undefined;
      const lastEventId = request.headers['last-event-id'];
      asked.push(lastEventId);
      if (lastEventId === undefined) return sse(whole.slice(0, cut));
      // The server resumes after the event named: everything after "id: <n>"'s frame.
      const frames = whole.split('\n\n').filter(Boolean);
      const index = frames.findIndex((frame) => frame.startsWith(`id: ${lastEventId}\n`));
      return sse(frames.slice(index + 1).map((frame) => `${frame}\n\n`).join(''));
    });
    const result = await yard(['logs', RUN_ID, '--follow'], api.fetch);
    expect(result.code).toBe(0);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatch(/^\d+$/);
    expect(result.stdout.match(/Hello, yard \(\d of 3\)/g)).toEqual(['Hello, yard (1 of 3)', 'Hello, yard (2 of 3)', 'Hello, yard (3 of 3)']);
    expect(result.stderr).toMatch(/^yard: the server ended the stream before the run ended; reconnecting in 250 ms after event \d+\n$/);
  });

  it('prints each log entry of a batch once (ids <sequence>.<entry>), even when a server resends some after a reconnect', async () => {
    const frames = helloWorldStream()
      .split('\n\n')
      .filter(Boolean)
      .map((frame) => `${frame}\n\n`);
    // The four log entries as the API sends a batch: one message, an id per entry.
    // Ids of this test's own (the helper's counter runs on across tests): 37, 38, 39, then the batch 40, then 41.
    const withId = (frame: string, id: string) => frame.replace(/^id: \d+\n/, `id: ${id}\n`);
    const [requested, started, progress, ...rest] = frames.map((frame, index) => (index < 3 ? withId(frame, String(37 + index)) : frame));
    const terminal = rest.pop() as string;
    const entries = rest.map((frame, index) => frame.replace(/^id: \d+\n/, `id: 40.${String(index).padStart(3, '0')}\n`));
    const asked: Array<string | undefined> = [];
    const api = fakeApi((request) => {
      if (!request.url.pathname.endsWith('/events')) return undefined;
      asked.push(request.headers['last-event-id']);
      if (asked.length === 1) return sse([requested, started, progress, ...entries.slice(0, 2)].join(''));
      // Resent from the start of the batch: the first two entries come again.
      return sse([...entries, terminal.replace(/^id: \d+\n/, 'id: 41\n')].join(''));
    });
    const result = await yard(['logs', RUN_ID, '--follow'], api.fetch);
    expect(result.code).toBe(0);
    expect(asked).toEqual([undefined, '40.001']);
    expect(result.stdout.match(/(Hello, yard \(\d of 3\)|Greeted yard 3 times)/g)).toEqual(['Hello, yard (1 of 3)', 'Hello, yard (2 of 3)', 'Hello, yard (3 of 3)', 'Greeted yard 3 times']);
  });

  it('asks the run how it ended when the stream has nothing more (204)', async () => {
    const api = fakeApi(
      on('GET', `/api/runs/${RUN_ID}/events`, () => new Response(null, { status: 204 })),
      on('GET', `/api/runs/${RUN_ID}`, () => json(runView({ id: RUN_ID, status: 'timed_out', error: { message: 'too slow', type: 'x', step: 'run' }, createdAt: '2025-01-01T10:00:00.000Z', completedAt: '2025-01-01T10:00:02.000Z' }))),
    );
    const result = await yard(['logs', RUN_ID, '--follow'], api.fetch);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe(`Run ${RUN_ID} timed out: too slow (2.0 s)\n`);
  });

  it('exits 11 for a run that does not exist', async () => {
    const result = await yard(['logs', RUN_ID, '--follow'], fakeApi(on('GET', `/api/runs/${RUN_ID}/events`, () => json({ code: 'RUN_NOT_FOUND', message: 'No run has the id' }, 404))).fetch);
    expect(result.code).toBe(11);
    expect(result.stderr).toBe('yard: No run has the id (RUN_NOT_FOUND, HTTP 404)\n');
  });

  describe('login, logout and whoami', () => {
    const me = { username: 'ann', displayName: 'Ann', admin: false, readOnly: false, tokenId: 't1', permissions: [{ permission: 'jobs.run', groupings: ['Examples'] }] };
    const meFor = (token: string) =>
      on('GET', '/api/me', (request) =>
        request.headers.authorization === `Bearer ${token}` ? json(me) : json({ code: 'UNAUTHENTICATED', message: 'The token is not valid' }, 401),
      );
    let dir: string;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'yard-login-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('checks the token, saves it with the address readable by its owner only, and later commands use it', async () => {
      const configPath = join(dir, 'yardmaster', 'config.json');
      const api = fakeApi(meFor('tok-1'), on('GET', '/api/jobs', () => json({ items: [], total: 0, limit: 500, offset: 0 })));

      const login = await yard(['login', '--url', 'http://api.test:3000/api'], api.fetch, { env: { YARD_URL: '' }, configPath, secret: 'tok-1' });
      expect(login).toMatchObject({ code: 0, stdout: `Logged in to http://api.test:3000 as ann; saved in ${configPath}\n` });
      expect(JSON.parse(readFileSync(configPath, 'utf8'))).toEqual({ url: 'http://api.test:3000', token: 'tok-1' });
      expect(statSync(configPath).mode & 0o777).toBe(0o600);

      const jobs = await yard(['jobs'], api.fetch, { env: { YARD_URL: '' }, configPath });
      expect(jobs.code).toBe(0);
      expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer tok-1');

      const whoami = await yard(['whoami'], api.fetch, { env: { YARD_URL: '' }, configPath });
      expect(whoami.stdout).toBe('ann (Ann) at http://api.test:3000\n  jobs.run: grouping "Examples"\n');

      expect((await yard(['logout'], api.fetch, { configPath })).stdout).toBe(`Logged out: removed ${configPath}\n`);
      expect((await yard(['logout'], api.fetch, { configPath })).stdout).toBe('Not logged in: nothing saved\n');
    });

    it('lets YARD_TOKEN win over the saved token, and never sends the saved token to another address', async () => {
      const configPath = join(dir, 'config.json');
      const api = fakeApi(meFor('tok-1'), meFor('from-env'));
      await yard(['login', '--token', 'tok-1'], api.fetch, { configPath });

      await yard(['whoami'], api.fetch, { configPath, env: { YARD_TOKEN: 'from-env' } });
      expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer from-env');
      await yard(['whoami'], api.fetch, { configPath, env: { YARD_URL: 'http://elsewhere.test:3000' } });
      expect(api.requests.at(-1)?.url.host).toBe('elsewhere.test:3000');
      expect(api.requests.at(-1)?.headers.authorization).toBeUndefined();
    });

    it('saves nothing for a token the API refuses, and says how to get in (exit 11)', async () => {
      const configPath = join(dir, 'config.json');
      const api = fakeApi(meFor('tok-1'));

      const login = await yard(['login', '--token', 'wrong'], api.fetch, { configPath });
      expect(login.code).toBe(11);
      expect(login.stderr).toContain('The token is not valid (UNAUTHENTICATED, HTTP 401)');
      expect(login.stderr).toContain('run `yard login` (or set YARD_TOKEN)');
      expect(() => statSync(configPath)).toThrow();
    });
  });
});

describe('yard plans and yard plan run', () => {
  const PLAN_ID = '7c1e2a44-5b1f-4d0e-8a55-2f9b6c3d1e70';
  const FAILED_RUN = '3d2c1b0a-9f8e-4d7c-8b6a-5e4d3c2b1a00';
  const PLAN_RUN = startRunAccepted({ runId: RUN_ID, jobId: 'collection.CollectFacts', queue: 'high', commit: null, runTimeoutSeconds: 900 });

  it('lists plans with their status, priority, interval, last run and connection target, and passes the filters on', async () => {
    const plans = [
      collectionPlanView({ name: 'Core switches', status: 'working', priority: 'high', intervalMinutes: 60, lastRunId: RUN_ID, connectionTarget: 'primary_then_oob', protocol: 'ssh' }),
      collectionPlanView({ id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Edge', enabled: false, status: 'stalled', priority: 'low' }),
    ];
    const api = fakeApi(on('GET', '/api/collection-plans', () => json({ items: plans, total: 2, limit: 500, offset: 0 })));
    const result = await yard(['plans', '--q', 'core', '--enabled', '--priority', 'high'], api.fetch);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+NAME\s+STATUS\s+PRIORITY\s+INTERVAL\s+LAST RUN\s+TARGET\s+PROTOCOL\n/);
    expect(result.stdout).toMatch(new RegExp(`^${PLAN_ID}\\s+Core switches\\s+working\\s+high\\s+every 60 min\\s+${RUN_ID}\\s+primary_then_oob\\s+ssh$`, 'm'));
    expect(result.stdout).toMatch(/^9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\s+Edge \(disabled\)\s+stalled\s+low\s+-\s+-\s+primary\s+snmp$/m);
    expect(Object.fromEntries(api.requests[0]!.url.searchParams)).toEqual({ q: 'core', enabled: 'true', priority: 'high', limit: '500', offset: '0' });

    const none = await yard(['plans', '--disabled'], fakeApi(on('GET', '/api/collection-plans', () => json({ items: [], total: 0, limit: 500, offset: 0 }))).fetch);
    expect(none.stdout).toBe('No collection plans.\n');
    expect((await yard(['plans', '--enabled', '--disabled'], api.fetch)).code).toBe(10);
  });

  it('starts a plan run and prints its id; --failed-from asks for the devices that failed in that run', async () => {
    const api = fakeApi(on('POST', `/api/collection-plans/${PLAN_ID}/runs`, () => json(PLAN_RUN, 202)));
    const plain = await yard(['plan', 'run', PLAN_ID], api.fetch);
    expect([plain.code, plain.stdout]).toEqual([0, `${RUN_ID}\n`]);
    expect(api.requests[0]!.body).toEqual({});
    await yard(['plan', 'run', PLAN_ID, '--failed-from', FAILED_RUN], api.fetch);
    expect(api.requests[1]!.body).toEqual({ devicesFrom: { runId: FAILED_RUN, outcome: 'failed' } });
  });

  it('follows the plan run as run --follow does, exiting with the code of its end', async () => {
    const api = fakeApi(
      on('POST', `/api/collection-plans/${PLAN_ID}/runs`, () => json(PLAN_RUN, 202)),
      on('GET', `/api/runs/${RUN_ID}/events`, () => sse(helloWorldStream('run.failed'))),
    );
    const result = await yard(['plan', 'run', PLAN_ID, '--follow'], api.fetch);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Run ${RUN_ID} queued: plan ${PLAN_ID}, queue high, timeout 900 s`);
    expect(lines.at(-1)).toBe(`Run ${RUN_ID} failed: 1 failure entry (1.5 s)`);
  });

  it("prints the API's refusal of a busy plan (exit 11), and a missing or unknown action as usage (exit 10)", async () => {
    const api = fakeApi(
      on('POST', `/api/collection-plans/${PLAN_ID}/runs`, () =>
        json({ code: 'CONCURRENCY_CONFLICT', message: `Collection plan "Core switches" already has a run working: ${RUN_ID}`, details: { blockingRunId: RUN_ID } }, 409),
      ),
    );
    const busy = await yard(['plan', 'run', PLAN_ID], api.fetch);
    expect(busy.code).toBe(11);
    expect(busy.stderr).toContain(`Collection plan "Core switches" already has a run working: ${RUN_ID}`);
    expect((await yard(['plan', 'start', PLAN_ID], api.fetch)).code).toBe(10);
    expect((await yard(['plan', 'run'], api.fetch)).code).toBe(10);
    expect((await yard(['plan', 'run', PLAN_ID, '--failed-from', ' '], api.fetch)).code).toBe(10);
  });
});
