// `npm run bench -- [--quick] [--concurrency 16] [--runs 300] [--rounds 3] [--idle-runs 10] [--lines 20000] [--timeout 600]`

/** The full comparison: the figures issue 12 asks for. */
export const FULL = Object.freeze({ concurrency: 16, runs: 300, rounds: 3, idleRuns: 10, warmupRuns: 16, lines: 20_000, timeout: 600 });
/** About a minute on a quiet machine: the same figures from fewer samples. */
export const QUICK = Object.freeze({ concurrency: 16, runs: 64, rounds: 2, idleRuns: 5, warmupRuns: 8, lines: 5_000, timeout: 300 });

const NAMES = { concurrency: 'concurrency', runs: 'runs', rounds: 'rounds', 'idle-runs': 'idleRuns', 'warmup-runs': 'warmupRuns', lines: 'lines', timeout: 'timeout' };
const MINIMUM = { concurrency: 1, runs: 1, rounds: 1, idleRuns: 1, warmupRuns: 0, lines: 1, timeout: 1 };

export class UsageError extends Error {}

/** Parses the command line into options; throws UsageError with a message naming the bad argument. */
export function parseBenchArgs(argv) {
  const quick = argv.includes('--quick');
  const options = { ...(quick ? QUICK : FULL), quick };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--quick') continue;
    const key = arg.startsWith('--') ? NAMES[arg.slice(2)] : undefined;
    if (!key) throw new UsageError(`unknown argument ${JSON.stringify(arg)}; known: --quick ${Object.keys(NAMES).map((name) => `--${name}`).join(' ')}`);
    const text = argv[++index];
    const value = Number(text);
    if (text === undefined || !Number.isInteger(value) || value < MINIMUM[key]) {
      throw new UsageError(`${arg} needs a whole number of at least ${MINIMUM[key]}, got ${JSON.stringify(text)}`);
    }
    options[key] = value;
  }
  return options;
}

/** The arguments that repeat a run with these options (the defaults of its form left out). */
export function argsFor(options) {
  const defaults = options.quick ? QUICK : FULL;
  const flags = Object.entries(NAMES)
    .filter(([, key]) => options[key] !== defaults[key])
    .map(([name, key]) => `--${name} ${options[key]}`);
  return [...(options.quick ? ['--quick'] : []), ...flags].join(' ');
}
