import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './console.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

/** Runs a command in the repository, inheriting the terminal; throws when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * Installs from the lock file when node_modules is missing or older than it: a fresh clone needs no other step.
 * `npm install`, not `npm ci`: the registry these machines reach lacks other platforms' optional packages
 * (e.g. @swc/core-darwin-arm64), so the lock file cannot list them and `npm ci` refuses it as out of sync.
 */
export function ensureInstalled() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing dependencies (npm install, from package-lock.json)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/**
 * `npm run build`: compiles every project (incremental, so a second run takes a moment), then bundles the workflow
 * code the collector loads (about a second).
 */
export function build() {
  say('Building (tsc -b, then the workflow bundle)…');
  run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json']);
  run(process.execPath, [join(ROOT, 'apps', 'collector', 'dist', 'worker', 'bundle-workflows.js')]);
}
