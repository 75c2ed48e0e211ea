import { asksForHelp, expectPositionals, parseCommandLine, parseOptionsOnly, wholeNumberOption } from './args';
import { UsageError } from './errors';

const RUN_OPTIONS = {
  data: { type: 'string', short: 'd', multiple: true },
  'data-file': { type: 'string' },
  commit: { type: 'boolean' },
  follow: { type: 'boolean', short: 'f' },
} as const;

function usageErrorOf(action: () => unknown): UsageError {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('no usage error');
}

describe('parseCommandLine', () => {
  it('reads repeated options, short options, inline values and positionals in any order', () => {
    const { values, positionals } = parseCommandLine('run', ['examples.HelloWorld', '--data', 'name=yard', '-d', 'count=5', '--data=note=a=b', '-f', '--data-file', 'x.json'], RUN_OPTIONS);
    expect(positionals).toEqual(['examples.HelloWorld']);
    expect(values.data).toEqual(['name=yard', 'count=5', 'note=a=b']);
    expect(values['data-file']).toBe('x.json');
    expect(values.follow).toBe(true);
    expect(values.commit).toBeUndefined();
  });

  it('takes everything after -- as positionals', () => {
    expect(parseCommandLine('logs', ['--', '--follow'], RUN_OPTIONS).positionals).toEqual(['--follow']);
  });

  it('turns unknown options and missing values into usage errors naming the command', () => {
    const unknown = usageErrorOf(() => parseCommandLine('run', ['x', '--bogus'], RUN_OPTIONS));
    expect(unknown.message).toBe("run: unknown option '--bogus'");
    expect(unknown.command).toBe('run');
    expect(usageErrorOf(() => parseCommandLine('run', ['x', '--data'], RUN_OPTIONS)).message).toMatch(/^run: option '-d, --data <value>' argument missing/);
    expect(usageErrorOf(() => parseCommandLine('run', ['x', '--follow=yes'], RUN_OPTIONS)).message).toMatch(/^run: option '-f, --follow' does not take an argument/);
  });
});

describe('expectPositionals', () => {
  it('returns exactly the positionals named, or says what is missing or extra', () => {
    expect(expectPositionals('logs', ['abc'], ['<runId>'])).toEqual(['abc']);
    expect(usageErrorOf(() => expectPositionals('logs', [], ['<runId>'])).message).toBe('logs: missing <runId>');
    expect(usageErrorOf(() => expectPositionals('jobs', ['a', 'b'], [])).message).toBe('jobs: unexpected arguments "a" "b"');
  });
});

describe('wholeNumberOption', () => {
  it('reads whole numbers within bounds; absent stays undefined', () => {
    expect(wholeNumberOption('runs', 'limit', '20', 1, 500)).toBe(20);
    expect(wholeNumberOption('runs', 'limit', undefined, 1, 500)).toBeUndefined();
    expect(wholeNumberOption('run', 'timeout', '86400', 1)).toBe(86400);
  });

  it('refuses anything else with a usage error', () => {
    for (const raw of ['0', '501', '-1', '1.5', 'ten', '', '1e3']) {
      expect(usageErrorOf(() => wholeNumberOption('runs', 'limit', raw, 1, 500)).message).toBe(`runs: --limit must be a whole number from 1 to 500, not ${JSON.stringify(raw)}`);
    }
    expect(usageErrorOf(() => wholeNumberOption('run', 'timeout', '0', 1)).message).toBe('run: --timeout must be a whole number at least 1, not "0"');
  });
});

describe('asksForHelp', () => {
  it('sees --help and -h anywhere before --', () => {
    expect(asksForHelp(['x', '--help'])).toBe(true);
    expect(asksForHelp(['-h'])).toBe(true);
    expect(asksForHelp(['x', '--', '--help'])).toBe(false);
    expect(asksForHelp(['x'])).toBe(false);
  });
});

describe('parseOptionsOnly', () => {
  it('gives the options of a command that takes no positional argument', () => {
    expect(parseOptionsOnly('runs', ['--job', 'examples.HelloWorld'], { job: { type: 'string' } })).toEqual({ job: 'examples.HelloWorld' });
  });

  it('refuses a positional argument, naming the command', () => {
    expect(usageErrorOf(() => parseOptionsOnly('whoami', ['alice'], {})).message).toBe('whoami: unexpected argument "alice"');
  });
});
