// `npm test`: install when needed, build (the type check of the code), type-check the tests, lint,
// bring up Postgres, NATS and Temporal (reusing any that run), then run the Jest layers against them: unit and
// integration two files at a time, then end-to-end one file at a time, with one summary line over both runs.
// Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { explain, say } from './stack/console.mjs';
import { build, ensureInstalled, ROOT, run } from './stack/install.mjs';

async function main() {
  ensureInstalled();
  build();
  say('Type-checking the tests (tsc -p tsconfig.spec.json)…');
  run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.spec.json']);
  say('Linting (eslint)…');
  run(join(ROOT, 'node_modules', '.bin', 'eslint'), ['--max-warnings', '0', '.']);
  // The benchmarks' own arithmetic and arguments: plain JavaScript like the tools, so Node's runner, not Jest (no I/O).
  say('Testing the benchmark tools (node --test tools/bench/compare/)…');
  run(process.execPath, ['--test', 'tools/bench/compare/']);
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  const stack = await ensureStack();
  const { ensureTemporalCli } = await import('./stack/temporal.mjs');
  const temporalCli = ensureTemporalCli();
  try {
    const env = { ...process.env, TEMPORAL_CLI: temporalCli, NX_DAEMON: 'false', NX_TUI: 'false' };
    mkdirSync(join(ROOT, '.yard'), { recursive: true });
    const extra = process.argv.slice(2);
    // Extra arguments (`npm test -- --selectProjects unit`) choose what runs: one Jest run, one file at a time.
    const phases = extra.length > 0 ? [{ what: 'the selected tests', args: ['--runInBand', ...extra] }] : PHASES;
    const results = [];
    let status = 0;
    for (const phase of phases) {
      say(`Running ${phase.what} (jest ${phase.args.join(' ')})…`);
      const resultsFile = join(ROOT, '.yard', `jest-results-${results.length + 1}.json`);
      rmSync(resultsFile, { force: true });
      const jest = spawnSync(join(ROOT, 'node_modules', '.bin', 'jest'), ['--ci', '--json', `--outputFile=${resultsFile}`, ...phase.args], { cwd: ROOT, stdio: 'inherit', env });
      if ((jest.status ?? 1) !== 0) status = jest.status ?? 1;
      if (existsSync(resultsFile)) results.push(JSON.parse(readFileSync(resultsFile, 'utf8')));
      else {
        // Jest stopped before running tests (a failed globalSetup, say): the summary cannot count them.
        say(`Jest wrote no results for ${phase.what}: the summary below leaves them out`);
        status = status || 1;
      }
    }
    printSummary(results);
    return status;
  } finally {
    await stack.stop();
  }
}

/**
 * Two Jest runs, the shortest total on two cores (README, "Test speed"): unit and integration tests two files at a
 * time (each integration file has a database, streams, queues and an instance of its own, so they may overlap),
 * then the end-to-end files one at a time (several share one stack, and each stack's four services already keep
 * both cores busy).
 */
const PHASES = [
  { what: 'the unit and integration tests', args: ['--maxWorkers=2', '--selectProjects', 'unit', 'integration'] },
  { what: 'the end-to-end tests', args: ['--runInBand', '--selectProjects', 'e2e'] },
];

/** The plain closing line CI reads, over every Jest run: `Tests: N passed, N failed, N skipped`. */
function printSummary(results) {
  if (results.length === 0) return;
  const sum = (field) => results.reduce((total, result) => total + result[field], 0);
  process.stdout.write(`Tests: ${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests')} skipped\n`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[yard] ${explain(error)}\n`);
    process.exit(1);
  },
);
