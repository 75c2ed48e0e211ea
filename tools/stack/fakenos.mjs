import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingDependency, say } from './console.mjs';
import { ROOT } from './install.mjs';
import { hasCommand } from './nats.mjs';

/**
 * The fake network devices the SSH tests (and `npm run fake:devices`) log in to: PyPI's fakenos, which serves Cisco
 * IOS, NX-OS, Arista EOS and Junos CLIs with canned real output over SSH (paramiko), pinned in one venv under
 * .yard/fakenos. The tests start their own fakenos processes (libs/testing-core, OwnFakeDevices); nothing here starts one.
 */
export const FAKENOS_VERSION = '1.2.1';
const VENV = join(ROOT, '.yard', 'fakenos', `venv-${FAKENOS_VERSION}`);

/** The venv's folder, installing fakenos into it when missing. `FAKENOS_VENV` points elsewhere. */
export function ensureFakenos() {
  const fromEnv = process.env.FAKENOS_VENV;
  if (fromEnv) {
    if (!existsSync(command(fromEnv))) throw new MissingDependency(`FAKENOS_VENV=${fromEnv} has no bin/fakenos: point it at a venv with fakenos==${FAKENOS_VERSION}, or unset it.`);
    return fromEnv;
  }
  const packages = [`fakenos==${FAKENOS_VERSION}`];
  const marker = join(VENV, '.complete');
  if (existsSync(command(VENV)) && existsSync(marker) && readFileSync(marker, 'utf8') === packages.join(' ')) return VENV;
  if (!hasCommand('python3')) throw new MissingDependency('python3 (with venv) is needed to install the fake SSH devices (fakenos) the SSH tests log in to.');
  say(`Installing the fake SSH devices (pip install ${packages.join(' ')}) into .yard/fakenos…`);
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  const pip = venv.status === 0 && spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...packages], { stdio: 'inherit' });
  if (!pip || pip.status !== 0 || !existsSync(command(VENV))) {
    throw new MissingDependency(`Could not install ${packages.join(' ')} from PyPI: install it into a venv by hand and set FAKENOS_VENV to it.`);
  }
  // Marks a finished install of this pin: an interrupted pip leaves a venv without its packages.
  writeFileSync(marker, packages.join(' '));
  return VENV;
}

function command(venv) {
  return join(venv, 'bin', 'fakenos');
}
