import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { YardmasterStack } from './support/yardmaster-stack';

jest.setTimeout(180_000);

/** The built CLI, run as a user runs it (`npx tsc -b tsconfig.build.json` builds it with the services). */
const CLI = join(__dirname, '..', 'apps', 'cli', 'dist', 'main.js');
const RUN_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface TimedLine {
  readonly text: string;
  /** When the line reached us, in ms since the process started. */
  readonly at: number;
}

interface YardResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: readonly TimedLine[];
  /** When the process exited, in ms since it started. */
  readonly exitedAt: number;
}

/** `yard` as a child process: its stdout line by line, each with the time it arrived. */
class Yard {
  private stdout = '';
  private stderr = '';
  private partial = '';
  private readonly timedLines: TimedLine[] = [];
  private readonly startedAt = Date.now();
  private readonly waiters: Array<() => void> = [];
  private readonly exited: Promise<YardResult>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      const pieces = (this.partial + chunk).split('\n');
      this.partial = pieces.pop() ?? '';
      for (const text of pieces) this.timedLines.push({ text, at: Date.now() - this.startedAt });
      for (const wake of this.waiters.splice(0)) wake();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      child.once('close', (code) => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve({ code, stdout: this.stdout, stderr: this.stderr, lines: this.timedLines, exitedAt: Date.now() - this.startedAt });
      }),
    );
  }

  static start(apiUrl: string, token: string, args: readonly string[]): Yard {
    const env: NodeJS.ProcessEnv = { ...process.env, YARD_URL: apiUrl, YARD_TOKEN: token, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    return new Yard(spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** The first stdout line matching `pattern`, once it has come; fails if the process ends first or time runs out. */
  async waitForLine(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.timedLines.find((line) => pattern.test(line.text));
      if (found) return found.text;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`yard exited before printing ${pattern}:\n${this.stdout}\n${this.stderr}`);
      }
      if (Date.now() > deadline) throw new Error(`yard printed no line matching ${pattern} within ${timeoutMs} ms:\n${this.stdout}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  result(): Promise<YardResult> {
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** The log lines of `yard`'s output without their time: `info     run       Hello, yard (1 of 3)`. */
function logLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^\d\d:\d\d:\d\d {2}(debug|info|success|warning|failure) /.test(line))
    .map((line) => line.slice('00:00:00  '.length));
}

describe('the yard CLI against the running services', () => {
  let stack: YardmasterStack;
  const started: Yard[] = [];

  const yardProcess = (...args: string[]): Yard => {
    const child = Yard.start(stack.apiUrl, stack.adminToken, args);
    started.push(child);
    return child;
  };
  const yard = (...args: string[]): Promise<YardResult> => yardProcess(...args).result();

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`npx tsc -b tsconfig.build.json\``);
    stack = await YardmasterStack.start();
  });

  afterAll(async () => {
    for (const child of started) child.kill();
    await stack?.stop();
  });

  it('lists the catalog and shows a job with its variables', async () => {
    const jobs = await yard('jobs');
    expect(jobs.code).toBe(0);
    expect(jobs.stdout).toMatch(/^ID\s+NAME\s+GROUPING\s+INSTALLED$/m);
    expect(jobs.stdout).toMatch(/^examples\.HelloWorld\s+Hello World\s+Examples\s+yes$/m);

    const job = await yard('job', 'examples.HelloWorld');
    expect(job.code).toBe(0);
    expect(job.stdout).toMatch(/^name\s+string\s+yes\s+-\s+at most 100 characters\s+/m);
    expect(job.stdout).toMatch(/^count\s+integer\s+no\s+3\s+1 to 100\s+/m);
  });

  it('runs Hello World with --follow: the info lines and the success line, then exit 0; logs and runs show the same run', async () => {
    const result = await yard('run', 'examples.HelloWorld', '--data', 'name=yard', '--follow');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const runId = RUN_ID.exec(result.lines[0].text)?.[0];
    expect(runId).toBeDefined();
    expect(logLines(result.stdout)).toEqual([
      'info     run       Hello, yard (1 of 3)',
      'info     run       Hello, yard (2 of 3)',
      'info     run       Hello, yard (3 of 3)',
      'success  run       Greeted yard 3 times',
    ]);
    expect(result.lines.at(-1)?.text).toMatch(new RegExp(`^Run ${runId} completed \\(`));

    const logs = await yard('logs', runId as string);
    expect(logs.code).toBe(0);
    expect(logLines(logs.stdout)).toEqual(logLines(result.stdout));

    const runs = await yard('runs', '--job', 'examples.HelloWorld');
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(new RegExp(`^${runId}\\s+examples\\.HelloWorld\\s+completed\\s+default\\s+admin\\s`, 'm'));
  });

  it('prints log entries live, as the job writes them, not when the run ends', async () => {
    const result = await yard('run', 'examples.SlowCount', '--data', 'seconds=3', '--follow');
    expect(result.code).toBe(0);
    const first = result.lines.find((line) => line.text.endsWith('Counted 1 of 3'));
    const last = result.lines.find((line) => line.text.endsWith('Counted 3 of 3'));
    expect(first).toBeDefined();
    expect(last).toBeDefined();
    // One entry a second: the first arrived well before the last, and well before the process ended.
    expect((last as TimedLine).at - (first as TimedLine).at).toBeGreaterThanOrEqual(1500);
    expect(result.exitedAt - (first as TimedLine).at).toBeGreaterThanOrEqual(1500);
    // Progress, one line per step when stdout is not a terminal.
    expect(result.stdout).toMatch(/\[#{24}\] 3\/3 100%/);
  });

  it.each([
    ['error', 2, /errored: Erroring on purpose: asked to \(step run\)/],
    ['fail', 1, /failed: 1 failure entry/],
    ['complete', 0, /completed/],
  ])('exits with the end state of examples.FailOnPurpose --data outcome=%s: %i', async (outcome, code, summary) => {
    const result = await yard('run', 'examples.FailOnPurpose', '--data', `outcome=${outcome}`, '--follow');
    expect(result.code).toBe(code);
    expect(result.lines.at(-1)?.text).toMatch(summary);
    // post_run still ran, and its entry came through.
    expect(logLines(result.stdout)).toContain('debug    post_run  post_run ran');
  });

  it('exits 4 for a run that times out', async () => {
    const result = await yard('run', 'examples.Deadline', '--follow');
    expect(result.code).toBe(4);
    expect(result.lines.at(-1)?.text).toMatch(/timed out/);
  });

  it('cancels a running run (the follower exits 3); a second cancel gets RUN_ALREADY_FINISHED and exit 11', async () => {
    const follower = yardProcess('run', 'examples.SlowCount', '--data', 'seconds=30', '--follow');
    const runId = RUN_ID.exec(await follower.waitForLine(RUN_ID))?.[0] as string;
    await follower.waitForLine(/Counted 1 of 30$/);

    const cancel = await yard('cancel', runId);
    expect(cancel.stderr).toBe('');
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toMatch(new RegExp(`^Cancel of run ${runId} requested by admin at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n$`));

    const followed = await follower.result();
    expect(followed.code).toBe(3);
    expect(followed.stdout).toContain('-- cancel requested by admin');
    expect(logLines(followed.stdout).at(-1)).toBe('info     post_run  post_run: released the device session');
    expect(followed.lines.at(-1)?.text).toMatch(new RegExp(`^Run ${runId} cancelled by admin`));

    const again = await yard('cancel', runId);
    expect(again.code).toBe(11);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(`yard: Run ${runId} has already ended (cancelled); nothing was changed (RUN_ALREADY_FINISHED, HTTP 409)`);
  });

  it('refuses --data count=abc for Hello World before sending anything (exit 10); the API refuses count=0 (exit 11)', async () => {
    const before = (await stack.getJson('/api/runs?jobId=examples.HelloWorld')).body.total;

    const local = await yard('run', 'examples.HelloWorld', '--data', 'name=yard', '--data', 'count=abc');
    expect(local.code).toBe(10);
    expect(local.stdout).toBe('');
    expect(local.stderr).toContain('yard: run: a --data value does not fit its variable\n  data.count: must be a whole number, not "abc"\n');

    const remote = await yard('run', 'examples.HelloWorld', '--data', 'name=yard', '--data', 'count=0');
    expect(remote.code).toBe(11);
    expect(remote.stderr).toMatch(/\(VALIDATION_FAILED, HTTP 400\)\n {2}data\.count: must be at least 1\n/);

    expect((await stack.getJson('/api/runs?jobId=examples.HelloWorld')).body.total).toBe(before);
  });

  it('exits 11 for a job or run that does not exist', async () => {
    const job = await yard('run', 'examples.Nope');
    expect(job.code).toBe(11);
    expect(job.stderr).toContain('JOB_NOT_FOUND, HTTP 404');
    const logs = await yard('logs', '00000000-0000-4000-8000-000000000000', '--follow');
    expect(logs.code).toBe(11);
    expect(logs.stderr).toContain('RUN_NOT_FOUND, HTTP 404');
  });

  it('keeps following across an API restart, resuming with Last-Event-ID: every entry once, in order', async () => {
    const follower = yardProcess('run', 'examples.SlowCount', '--data', 'seconds=8', '--follow');
    await follower.waitForLine(/Counted 2 of 8$/);
    await stack.service('api').stop();
    stack.startService('api');

    const result = await follower.result();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/reconnecting in .* after event \d+/);
    expect(logLines(result.stdout).filter((line) => line.includes('Counted'))).toEqual(
      Array.from({ length: 8 }, (_, index) => `info     run       Counted ${index + 1} of 8`),
    );
    await stack.waitUntilHealthy();
  });
});
