// `npm run affected -- -t test` (or build, lint, integration): runs a target for the projects that the changes
// since `main` touch, and those that depend on them. Plain `npx nx affected` compares with nx.json's
// defaultBase, `main`, which a clone of another branch may lack; this picks the base that exists:
// NX_BASE when set, else `main`, else `origin/main`. With none of them (a clone of one branch with no remote,
// or no git at all) nothing says what changed, so every project runs the target: too much, never too little.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstalled, ROOT } from './stack/install.mjs';

function gitSucceeds(args) {
  return spawnSync('git', args, { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

/** The ref to compare with, or null when there is none. */
function affectedBase() {
  if (process.env.NX_BASE) return process.env.NX_BASE;
  if (!gitSucceeds(['rev-parse', '--is-inside-work-tree'])) return null;
  return ['main', 'origin/main'].find((ref) => gitSucceeds(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) ?? null;
}

ensureInstalled();
const args = process.argv.slice(2);
const base = affectedBase();
if (base === null) process.stderr.write('[yard] no main branch to compare with (NX_BASE, main, origin/main): running every project\n');
const nxArgs = base === null ? ['run-many', ...args] : ['affected', `--base=${base}`, ...args];
const nx = spawnSync(join(ROOT, 'node_modules', '.bin', 'nx'), [...nxArgs, '--outputStyle=static'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
});
process.exit(nx.status ?? 1);
