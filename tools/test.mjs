// `npm test`: install when needed, build (the type check of the code), type-check the tests, lint,
// bring up Postgres, NATS and Temporal (reusing any that run), then run the Jest layers against them: unit and
// integration two files at a time, then the end-to-end files one at a time, and beside them the e2e files that
// mostly wait for the clock; one summary line over every run.
// Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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
  // The tools' own logic (the benchmarks' arithmetic and arguments, the launcher's secrets key): plain JavaScript
  // like the tools, so Node's runner, not Jest.
  // The same folders as `npm run test:tools`.
  const toolTests = ['tools/bench/compare/', 'tools/bench/collect/', 'tools/compat/', 'tools/container/', 'tools/stack/'];
  say(`Testing the tools (node --test ${toolTests.join(' ')})…`);
  run(process.execPath, ['--test', ...toolTests]);
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  const stack = await ensureStack();
  const { ensureTemporalCli } = await import('./stack/temporal.mjs');
  const temporalCli = ensureTemporalCli();
  // The SNMP collection tests start simulators of their own from this venv (libs/testing-core, OwnSnmpSimulator).
  const { ensureSnmpsim } = await import('./stack/snmpsim.mjs');
  const snmpsimVenv = ensureSnmpsim();
  // The TextFSM templates `yard parse` and its tests read (libs/textfsm finds them in .yard/ntc-templates).
  const { ensureNtcTemplates } = await import('./stack/ntc-templates.mjs');
  ensureNtcTemplates();
  // The SSH driver's tests log in to fake devices of their own from this venv (libs/testing-core, OwnFakeDevices).
  const { ensureFakenos } = await import('./stack/fakenos.mjs');
  const fakenosVenv = ensureFakenos();
  // The example event consumer (Python, nats-py) that an end-to-end test runs against the stack.
  const { ensureEventConsumerVenv } = await import('./stack/event-consumer.mjs');
  const eventConsumerPython = ensureEventConsumerVenv();
  try {
    const env = { ...process.env, TEMPORAL_CLI: temporalCli, SNMPSIM_VENV: snmpsimVenv, FAKENOS_VENV: fakenosVenv, EVENT_CONSUMER_PYTHON: eventConsumerPython, NX_DAEMON: 'false', NX_TUI: 'false' };
    mkdirSync(join(ROOT, '.yard'), { recursive: true });
    const extra = process.argv.slice(2);
    // Extra arguments (`npm test -- --selectProjects unit`) choose what runs: one Jest run, one file at a time.
    const lanes = extra.length > 0 ? [[{ name: 'selected', what: 'the selected tests', args: ['--runInBand', ...extra] }]] : LANES;
    // The lanes go side by side, each running its Jest runs one after another. The first lane's output goes to the
    // terminal; another lane's goes to a file, printed when it ends, so that lines of two runs never interleave.
    const finished = (await Promise.all(lanes.map((lane, index) => runLane(lane, index === 0, env)))).flat();
    const results = [];
    let status = 0;
    for (const run of finished) {
      if (run.status !== 0) status = run.status;
      if (run.results) results.push(run.results);
      else {
        // Jest stopped before running tests (a failed globalSetup, say): the summary cannot count them.
        say(`Jest wrote no results for ${run.what}: the summary below leaves them out`);
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
 * The shortest total on two cores (README, "Test speed"). The main lane: unit and integration tests two files at a
 * time (each integration file has a database, streams, queues and an instance of its own, so they may overlap), then
 * the end-to-end files one at a time (several share one stack, and each stack's four services already keep both
 * cores busy while they start). Beside it from the start, one at a time, the e2e files whose time goes on waiting for
 * the clock (schedule ticks, outages of servers of their own, kills and their timeouts, queued runs, keep-alives)
 * with their stacks mostly idle, so
 * that they cost the main lane little CPU.
 */
const WAIT_FOR_THE_CLOCK = [
  'test/schedules.e2e-spec.ts',
  'test/chaos-deps.e2e-spec.ts',
  'test/temporal-outage.e2e-spec.ts',
  'test/lost-run-requested.e2e-spec.ts',
  'test/priority-queues.e2e-spec.ts',
  'test/run-event-streams.e2e-spec.ts',
  'test/chaos.e2e-spec.ts',
  'test/collector-nats-outage.e2e-spec.ts',
  'test/api-nats-outage.e2e-spec.ts',
  'test/database-outage.e2e-spec.ts',
];
const LANES = [
  [
    { name: 'unit-integration', what: 'the unit and integration tests', args: ['--maxWorkers=2', '--selectProjects', 'unit', 'integration'] },
    { name: 'e2e', what: 'the end-to-end tests', args: ['--runInBand', '--selectProjects', 'e2e', '--testPathIgnorePatterns', ...WAIT_FOR_THE_CLOCK] },
  ],
  [{ name: 'e2e-waiting', what: 'the end-to-end tests that wait for the clock', args: ['--runInBand', ...WAIT_FOR_THE_CLOCK, '--selectProjects', 'e2e'] }],
];

/** Runs a lane's Jest runs one after another; resolves with each one's exit status and results. */
async function runLane(lane, inTerminal, env) {
  const finished = [];
  for (const jestRun of lane) finished.push(await runJest(jestRun, inTerminal, env));
  return finished;
}

/** One Jest run; resolves with its exit status and its JSON results (null when Jest wrote none). */
function runJest({ name, what, args }, inTerminal, env) {
  say(`Running ${what} (jest ${args.join(' ')})${inTerminal ? '' : `, output in .yard/jest-${name}.log until it ends`}…`);
  const resultsFile = join(ROOT, '.yard', `jest-results-${name}.json`);
  const logFile = join(ROOT, '.yard', `jest-${name}.log`);
  rmSync(resultsFile, { force: true });
  const output = inTerminal ? 'inherit' : openSync(logFile, 'w');
  const jest = spawn(join(ROOT, 'node_modules', '.bin', 'jest'), ['--ci', '--json', `--outputFile=${resultsFile}`, ...args], {
    cwd: ROOT,
    stdio: ['ignore', output, output],
    env,
  });
  return new Promise((resolve) => {
    jest.once('close', (code) => {
      if (!inTerminal) {
        closeSync(output);
        say(`Output of ${what}:`);
        process.stdout.write(readFileSync(logFile, 'utf8'));
      }
      resolve({ what, status: code ?? 1, results: existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : null });
    });
  });
}

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
