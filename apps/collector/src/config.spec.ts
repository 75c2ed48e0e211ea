import { ConfigError, EnvReader } from '@yardmaster/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readCollectorConfig } from './config';

function parse(env: Record<string, string>): ReturnType<typeof readCollectorConfig> {
  // Every collector needs the secrets key; these tests are about other variables.
  const reader = new EnvReader({ YARD_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'), ...env });
  return reader.finish(readCollectorConfig(reader));
}

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readCollectorConfig: JOBS_ROOT', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'yard-jobs-root-'));
    writeFileSync(join(root, 'a-file.ts'), '');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is null when unset or empty', () => {
    expect(parse({}).jobsRoot).toBeNull();
    expect(parse({ JOBS_ROOT: '' }).jobsRoot).toBeNull();
  });

  it('is the absolute path of a readable directory, a relative one resolved against the working directory', () => {
    expect(parse({ JOBS_ROOT: root }).jobsRoot).toBe(root);
    expect(parse({ JOBS_ROOT: relative(process.cwd(), root) }).jobsRoot).toBe(root);
  });

  it('fails fast, with every other problem, when it is not a readable directory', () => {
    const missing = join(root, 'missing');
    expect(problemsOf({ JOBS_ROOT: missing, YARD_COLLECTOR_MAX_CONCURRENT_STEPS: '0' })).toEqual([
      'YARD_COLLECTOR_MAX_CONCURRENT_STEPS="0": expected a whole number from 1 to 1000',
      `JOBS_ROOT=${JSON.stringify(missing)}: expected a readable directory (${missing} does not exist)`,
    ]);
    const file = join(root, 'a-file.ts');
    expect(problemsOf({ JOBS_ROOT: file })).toEqual([`JOBS_ROOT=${JSON.stringify(file)}: expected a readable directory (${file} is not a directory)`]);
  });
});

describe('readCollectorConfig: log delivery', () => {
  it('holds 10,000 entries or 16 MiB per step and tries for 300 s by default', () => {
    expect(parse({}).logDelivery).toEqual({ maxEntries: 10_000, maxBytes: 16 * 1024 * 1024, giveUpAfterMs: 300_000 });
  });

  it('takes each limit from its variable', () => {
    const config = parse({ YARD_LOG_BUFFER_ENTRIES: '500', YARD_LOG_BUFFER_BYTES: '1048576', YARD_LOG_DELIVERY_TIMEOUT_SECONDS: '60' });
    expect(config.logDelivery).toEqual({ maxEntries: 500, maxBytes: 1_048_576, giveUpAfterMs: 60_000 });
  });

  it('refuses a delivery timeout past 540 s, and limits out of range, naming each', () => {
    expect(problemsOf({ YARD_LOG_DELIVERY_TIMEOUT_SECONDS: '541', YARD_LOG_BUFFER_ENTRIES: '0', YARD_LOG_BUFFER_BYTES: 'lots' })).toEqual([
      'YARD_LOG_BUFFER_ENTRIES="0": expected a whole number from 100 to 1000000',
      'YARD_LOG_BUFFER_BYTES="lots": expected a whole number from 65536 to 1073741824',
      'YARD_LOG_DELIVERY_TIMEOUT_SECONDS="541": expected a whole number from 5 to 540',
    ]);
  });
});

describe('readCollectorConfig: SSH timeouts', () => {
  it('connects within 10 s, waits 30 s for a command and closes an idle session after 60 s by default', () => {
    expect(parse({}).sshTimeouts).toEqual({ connectMs: 10_000, commandMs: 30_000, idleMs: 60_000 });
  });

  it('takes each from its variable in seconds, and refuses one out of range naming it', () => {
    expect(parse({ YARD_SSH_CONNECT_TIMEOUT_SECONDS: '5', YARD_SSH_COMMAND_TIMEOUT_SECONDS: '120', YARD_SSH_IDLE_TIMEOUT_SECONDS: '300' }).sshTimeouts).toEqual({
      connectMs: 5_000,
      commandMs: 120_000,
      idleMs: 300_000,
    });
    expect(problemsOf({ YARD_SSH_CONNECT_TIMEOUT_SECONDS: '0', YARD_SSH_COMMAND_TIMEOUT_SECONDS: 'long' })).toEqual([
      'YARD_SSH_CONNECT_TIMEOUT_SECONDS="0": expected a whole number from 1 to 300',
      'YARD_SSH_COMMAND_TIMEOUT_SECONDS="long": expected a whole number from 1 to 3600',
    ]);
  });
});
