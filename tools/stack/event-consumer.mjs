import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingDependency, say } from './console.mjs';
import { ROOT } from './install.mjs';
import { hasCommand } from './nats.mjs';

/**
 * The Python venv of the example event consumer (examples/consumers/follow_run_endings.py): PyPI's nats-py, pinned,
 * under .yard/event-consumer. `npm test` installs it for the test that runs the example; the README shows it.
 */
export const NATS_PY_VERSION = '2.15.0';
const VENV = join(ROOT, '.yard', 'event-consumer', `venv-${NATS_PY_VERSION}`);

/** The venv's python, installing nats-py into it when missing. */
export function ensureEventConsumerVenv() {
  const packages = [`nats-py==${NATS_PY_VERSION}`];
  const marker = join(VENV, '.complete');
  const python = join(VENV, 'bin', 'python');
  if (existsSync(python) && existsSync(marker) && readFileSync(marker, 'utf8') === packages.join(' ')) return python;
  if (!hasCommand('python3')) throw new MissingDependency('python3 (with venv) is needed for the example event consumer (nats-py).');
  say(`Installing the example event consumer's client (pip install ${packages.join(' ')}) into .yard/event-consumer…`);
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  const pip = venv.status === 0 && spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...packages], { stdio: 'inherit' });
  if (!pip || pip.status !== 0) throw new MissingDependency(`Could not install ${packages.join(' ')} from PyPI into ${VENV}.`);
  // Marks a finished install of this pin: an interrupted pip leaves a venv without its packages.
  writeFileSync(marker, packages.join(' '));
  return python;
}
