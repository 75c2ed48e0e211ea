import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingDependency, say } from './console.mjs';
import { ROOT } from './install.mjs';
import { hasCommand } from './nats.mjs';

/**
 * The SNMP simulator the SNMP collection tests (and benchmarks) run: PyPI's snmpsim, with snmpsim-data's recordings
 * of real devices, pinned together in one venv under .yard/snmpsim. The tests start their own simulator processes
 * (libs/testing-core, OwnSnmpSimulator); nothing here starts one.
 */
export const SNMPSIM_VERSION = '1.2.2';
export const SNMPSIM_DATA_VERSION = '1.0.1';
/** pysnmp (under snmpsim) encrypts SNMPv3 privacy with it; without it every authPriv request gets "Decryption Error". */
const CRYPTOGRAPHY_VERSION = '50.0.2';
const VENV = join(ROOT, '.yard', 'snmpsim', `venv-${SNMPSIM_VERSION}-data-${SNMPSIM_DATA_VERSION}`);

/** The venv's folder, installing snmpsim and snmpsim-data into it when missing. `SNMPSIM_VENV` points elsewhere. */
export function ensureSnmpsim() {
  const fromEnv = process.env.SNMPSIM_VENV;
  if (fromEnv) {
    if (!existsSync(responder(fromEnv))) throw new MissingDependency(`SNMPSIM_VENV=${fromEnv} has no bin/snmpsim-command-responder: point it at a venv with snmpsim, or unset it.`);
    return fromEnv;
  }
  const packages = [`snmpsim==${SNMPSIM_VERSION}`, `snmpsim-data==${SNMPSIM_DATA_VERSION}`, `cryptography==${CRYPTOGRAPHY_VERSION}`];
  const marker = join(VENV, '.complete');
  if (existsSync(responder(VENV)) && existsSync(marker) && readFileSync(marker, 'utf8') === packages.join(' ')) return VENV;
  if (!hasCommand('python3')) throw new MissingDependency('python3 (with venv) is needed to install the SNMP simulator (snmpsim) the SNMP tests run.');
  const python = pythonWithFastDbm();
  say(`Installing the SNMP simulator (pip install ${packages.join(' ')}) into .yard/snmpsim with ${python}…`);
  const venv = spawnSync(python, ['-m', 'venv', VENV], { stdio: 'inherit' });
  const pip = venv.status === 0 && spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...packages], { stdio: 'inherit' });
  if (!pip || pip.status !== 0 || !existsSync(responder(VENV))) {
    throw new MissingDependency(`Could not install ${packages.join(' ')} from PyPI: install them into a venv by hand and set SNMPSIM_VENV to it.`);
  }
  // Marks a finished install of these pins: an interrupted pip leaves the responder without its recordings.
  writeFileSync(marker, packages.join(' '));
  return VENV;
}

/**
 * snmpsim indexes every record of its recordings in a `dbm` database before it answers. With Python's pure-Python
 * fallback (`dbm.dumb`, all a Python built without gdbm/ndbm has, e.g. pyenv's here) the 74 network recordings took
 * 9 to 12 minutes; with the C `dbm.ndbm` of Debian's own python3, 10 seconds. The first python3 on these paths that
 * has a C backend is used; the PATH's python3 otherwise (slow, but it works).
 */
function pythonWithFastDbm() {
  for (const candidate of ['python3', '/usr/bin/python3', '/usr/local/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import dbm, importlib.util, sys; sys.exit(0 if any(importlib.util.find_spec(m) for m in ("_gdbm", "_dbm")) else 1)'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  say('No python3 with a C dbm (gdbm or ndbm) found: the SNMP simulator will index its recordings slowly (minutes, once).');
  return 'python3';
}

function responder(venv) {
  return join(venv, 'bin', 'snmpsim-command-responder');
}
