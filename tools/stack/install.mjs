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

/** `npm ci` when node_modules is missing or older than the lock file: a fresh clone needs no other step. */
export function ensureInstalled() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Compiles every project; incremental, so a second run takes a moment. */
export function build() {
  say('Building (tsc -b)…');
  run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json']);
}
