import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');
export const SNMPSIM_DIR = join(REPOSITORY_ROOT, '.yard', 'snmpsim');

/**
 * The venv holding snmpsim and snmpsim-data that `npm test` / `npm run stack:up` installed (tools/stack/snmpsim.mjs),
 * or `SNMPSIM_VENV`.
 */
export function snmpsimVenv(): string {
  const fromEnv = process.env.SNMPSIM_VENV;
  if (fromEnv) return fromEnv;
  const venvs = existsSync(SNMPSIM_DIR) ? readdirSync(SNMPSIM_DIR).filter((name) => name.startsWith('venv-')).sort().reverse() : [];
  for (const venv of venvs) {
    if (existsSync(join(SNMPSIM_DIR, venv, '.complete'))) return join(SNMPSIM_DIR, venv);
  }
  throw new Error('No SNMP simulator: run `npm run stack:up` (it installs snmpsim into .yard/snmpsim) or set SNMPSIM_VENV');
}
