import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchLike } from '../api-client';
import { createIo, type Output } from '../io';
import { main } from '../main';

/** `yard parse` reads templates from the ntc-templates that `npm test` (tools/test.mjs) installs into .yard/. */
class Captured implements Output {
  text = '';
  readonly isTTY = false;
  write(text: string): void {
    this.text += text;
  }
}

const noApi: FetchLike = async () => {
  throw new Error('yard parse must not call the API');
};

async function yard(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const stdout = new Captured();
  const stderr = new Captured();
  const env = { ...options.env };
  const code = await main(argv, {
    io: createIo(stdout, stderr, env),
    env,
    fetchImpl: noApi,
    configPath: join(tmpdir(), 'yard-parse-tests-no-login', 'config.json'),
    readStdin: async () => options.stdin ?? '',
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const SHOW_CLOCK = '*10:28:51.123 UTC Tue Dec 1 2026\n';
const SHOW_VERSION = 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(4)E10, RELEASE SOFTWARE (fc2)\nrouter1 uptime is 2 weeks, 3 days, 4 hours, 5 minutes\n';

describe('yard parse', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'yard-parse-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the records of standard input as a JSON array, keys lower-case, without a server or token', async () => {
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show clock'], { stdin: SHOW_CLOCK });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ time: '10:28:51.123', timezone: 'UTC', dayweek: 'Tue', month: 'Dec', day: '1', year: '2026' }]);
  });

  it('reads a file, and takes the abbreviations the index allows', async () => {
    const file = join(folder, 'clock.txt');
    writeFileSync(file, SHOW_CLOCK);
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'sh clo', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ year: '2026' });
  });

  it('exits 10 with a clear message for a platform or command no index has', async () => {
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show nothing at all'], { stdin: 'x' });
    expect(result.code).toBe(10);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no template for platform "cisco_ios" and command "show nothing at all"');
    const platform = await yard(['parse', '--platform', 'no_such_os', '--command', 'show version'], { stdin: 'x' });
    expect(platform.code).toBe(10);
  });

  it('needs both --platform and --command (exit 10)', async () => {
    const result = await yard(['parse', '--platform', 'cisco_ios']);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('--platform and --command are both required');
  });

  it("searches the user's own folder (YARD_TEXTFSM_TEMPLATES) before ntc-templates", async () => {
    writeFileSync(join(folder, 'index'), 'Template, Hostname, Platform, Command\n\nmy_clock.textfsm, .*, cisco_ios, sh[[ow]] clo[[ck]]\n');
    writeFileSync(join(folder, 'my_clock.textfsm'), 'Value Year (\\d{4})\n\nStart\n  ^.*\\s${Year}$$ -> Record\n');
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show clock'], { stdin: SHOW_CLOCK, env: { YARD_TEXTFSM_TEMPLATES: folder } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ year: '2026' }]);
    // What the user's index lacks still comes from ntc-templates.
    const version = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show version'], { stdin: SHOW_VERSION, env: { YARD_TEXTFSM_TEMPLATES: folder } });
    expect(version.code).toBe(0);
    expect(JSON.parse(version.stdout)[0]).toMatchObject({ version: '15.2(4)E10', hostname: 'router1' });
  });

  it("exits 14 naming the template and the lines when a template's Error rule refuses the output", async () => {
    writeFileSync(join(folder, 'index'), 'Template, Platform, Command\nstrict.textfsm, cisco_ios, show strict\n');
    writeFileSync(join(folder, 'strict.textfsm'), 'Value A (\\S+)\n\nStart\n  ^ok ${A} -> Record\n  ^. -> Error "unexpected line"\n');
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show strict'], { stdin: 'ok 1\nboom\n', env: { YARD_TEXTFSM_TEMPLATES: folder } });
    expect(result.code).toBe(14);
    expect(result.stderr).toContain('strict.textfsm: Error: "unexpected line" (rule on template line 5, input line 2: "boom")');
    expect(result.stderr).toContain('TEXTFSM_ERROR_ACTION');
  });

  it('exits 14 naming the template and the lines when a template runs away on the output (YARD_TEXTFSM_PARSE_DEADLINE_SECONDS)', async () => {
    writeFileSync(join(folder, 'index'), 'Template, Platform, Command\nrunaway.textfsm, cisco_ios, show words\n');
    // The lookahead keeps V8 from its linear-time fallback: `(a+)+b` backtracks without end on a run of a's.
    writeFileSync(join(folder, 'runaway.textfsm'), 'Value W ((?=a)(a+)+b)\n\nStart\n  ^${W} -> Record\n');
    const started = Date.now();
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show words'], { stdin: `${'a'.repeat(40)}!\n`, env: { YARD_TEXTFSM_TEMPLATES: folder, YARD_TEXTFSM_PARSE_DEADLINE_SECONDS: '1' } });
    expect(result.code).toBe(14);
    expect(result.stderr).toContain('runaway.textfsm: no result after 1000 ms (the rule on template line 4 was still matching input line 1)');
    expect(result.stderr).toContain('TEXTFSM_RUNAWAY');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('exits 10 when YARD_TEXTFSM_TEMPLATES names a folder without an index', async () => {
    const result = await yard(['parse', '--platform', 'cisco_ios', '--command', 'show clock'], { stdin: SHOW_CLOCK, env: { YARD_TEXTFSM_TEMPLATES: folder } });
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('YARD_TEXTFSM_TEMPLATES');
  });
});
