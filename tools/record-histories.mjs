// `npm run record:histories [-- <set>]`: records one history of each shape of run (libs/workflows/src/replay-histories/
// record/) from the workflow code of this checkout, on a Temporal dev server of its own, into
// libs/workflows/src/replay-histories/histories/<set>/ (default: <date>-<branch>). Commit the folder with the change
// to the workflow code: the replay suite then holds every later change to it. README: "Changing workflow code".
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { explain, say } from './stack/console.mjs';
import { ROOT } from './stack/install.mjs';
import { ensureTemporalCli } from './stack/temporal.mjs';

const HISTORIES = join(ROOT, 'libs', 'workflows', 'src', 'replay-histories', 'histories');
const RECORDER = '<rootDir>/libs/workflows/src/replay-histories/record/record-histories.recording.ts';

function defaultSet() {
  const branch = spawnSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'detached';
  return `${new Date().toISOString().slice(0, 10)}-${branch.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')}`;
}

/** The integration layer's Jest settings (SWC, the @yardmaster/* mapping), matching the recorder alone. */
function recorderJestConfig() {
  const { projects } = createRequire(import.meta.url)(join(ROOT, 'jest.config.js'));
  const integration = projects.find((project) => project.displayName === 'integration');
  return { ...integration, displayName: 'record-histories', testMatch: [RECORDER] };
}

/** A request this command will not carry out: one line, no stack. */
function refuse(line) {
  process.stderr.write(`[yard] ${line}\n`);
  return 1;
}

function main() {
  const set = process.argv[2] ?? defaultSet();
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(set)) return refuse(`${set}: a history set is named with lower-case letters, digits, '.' and '-'`);
  const folder = join(HISTORIES, set);
  if (existsSync(folder)) return refuse(`${folder} exists: recorded histories are never replaced; name a new set (npm run record:histories -- <set>)`);
  const temporalCli = ensureTemporalCli();
  say(`Recording each shape of run into ${folder}…`);
  const jest = spawnSync(join(ROOT, 'node_modules', '.bin', 'jest'), ['--ci', '--runInBand', '--config', JSON.stringify(recorderJestConfig())], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, YARD_HISTORY_SET: set, TEMPORAL_CLI: temporalCli },
  });
  if (jest.status !== 0) {
    // A set with a shape missing would pass the replay suite's check for that shape only by an older set.
    rmSync(folder, { recursive: true, force: true });
    say('Recording failed: nothing was written.');
    return 1;
  }
  say(`Recorded: commit ${folder.slice(ROOT.length + 1)}/ with your change.`);
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  process.stderr.write(`[yard] ${explain(error)}\n`);
  process.exit(1);
}
