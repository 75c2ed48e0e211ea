// `npm test`: install when needed, build (the type check of the code), type-check the tests, lint,
// bring up Postgres, NATS and Temporal (reusing any that run), then run every Jest layer against them.
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
  const { ensureStack } = await import('./stack/ensure-stack.mjs');
  const stack = await ensureStack();
  const { ensureTemporalCli } = await import('./stack/temporal.mjs');
  const temporalCli = ensureTemporalCli();
  try {
    say('Running the tests (jest: unit, integration, e2e)…');
    const resultsFile = join(ROOT, '.yard', 'jest-results.json');
    mkdirSync(join(ROOT, '.yard'), { recursive: true });
    rmSync(resultsFile, { force: true });
    const jest = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'jest'),
      ['--ci', '--runInBand', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TEMPORAL_CLI: temporalCli, NX_DAEMON: 'false', NX_TUI: 'false' } },
    );
    printSummary(resultsFile);
    return jest.status ?? 1;
  } finally {
    await stack.stop();
  }
}

/** The plain closing line CI reads: `Tests: N passed, N failed, N skipped`. */
function printSummary(resultsFile) {
  if (!existsSync(resultsFile)) return;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  process.stdout.write(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[yard] ${explain(error)}\n`);
    process.exit(1);
  },
);
