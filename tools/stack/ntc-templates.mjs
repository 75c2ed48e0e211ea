import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingDependency, say } from './console.mjs';
import { ROOT } from './install.mjs';
import { hasCommand } from './nats.mjs';

/**
 * The TextFSM templates `yard parse` and the SSH collectors use, and the reference implementation the compatibility
 * run and `npm run bench:parse` compare against: PyPI's ntc-templates (with its textfsm), pinned, in a venv under
 * .yard/ntc-templates. libs/textfsm (findInstalledNtcTemplates) finds the templates there.
 */
export const NTC_TEMPLATES_VERSION = '9.2.0';
const VENV = join(ROOT, '.yard', 'ntc-templates', `venv-${NTC_TEMPLATES_VERSION}`);
const PACKAGES = [`ntc-templates==${NTC_TEMPLATES_VERSION}`];

/** `{ venv, python, templates }`, installing ntc-templates into the venv when missing. */
export function ensureNtcTemplates() {
  const marker = join(VENV, '.complete');
  if (!(existsSync(marker) && readFileSync(marker, 'utf8') === PACKAGES.join(' ') && templatesFolder())) {
    if (!hasCommand('python3')) throw new MissingDependency(`python3 (with venv) is needed to install ntc-templates==${NTC_TEMPLATES_VERSION} (the TextFSM templates).`);
    say(`Installing the TextFSM templates (pip install ${PACKAGES.join(' ')}) into .yard/ntc-templates…`);
    const venv = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    const pip = venv.status === 0 && spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...PACKAGES], { stdio: 'inherit' });
    if (!pip || pip.status !== 0 || !templatesFolder()) {
      throw new MissingDependency(`Could not install ${PACKAGES.join(' ')} from PyPI into ${VENV}: check that PyPI is reachable, then rerun.`);
    }
    // Marks a finished install of this pin: an interrupted pip leaves a venv without the templates.
    writeFileSync(marker, PACKAGES.join(' '));
  }
  return { venv: VENV, python: join(VENV, 'bin', 'python'), templates: templatesFolder() };
}

function templatesFolder() {
  const lib = join(VENV, 'lib');
  if (!existsSync(lib)) return null;
  for (const python of readdirSync(lib)) {
    const templates = join(lib, python, 'site-packages', 'ntc_templates', 'templates');
    if (existsSync(join(templates, 'index'))) return templates;
  }
  return null;
}
