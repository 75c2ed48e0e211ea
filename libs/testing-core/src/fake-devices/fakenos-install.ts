import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../snmp-simulator/snmpsim-install';

export const FAKENOS_DIR = join(REPOSITORY_ROOT, '.yard', 'fakenos');

/** The venv holding fakenos that `npm test` / `npm run stack:up` installed (tools/stack/fakenos.mjs), or `FAKENOS_VENV`. */
export function fakenosVenv(): string {
  const fromEnv = process.env.FAKENOS_VENV;
  if (fromEnv) return fromEnv;
  const venvs = existsSync(FAKENOS_DIR) ? readdirSync(FAKENOS_DIR).filter((name) => name.startsWith('venv-')).sort().reverse() : [];
  for (const venv of venvs) {
    if (existsSync(join(FAKENOS_DIR, venv, '.complete'))) return join(FAKENOS_DIR, venv);
  }
  throw new Error('No fake SSH devices: run `npm run stack:up` (it installs fakenos into .yard/fakenos) or set FAKENOS_VENV');
}
