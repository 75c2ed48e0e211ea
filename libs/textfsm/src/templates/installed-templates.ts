import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TextFsmError } from '../textfsm-error';

/** The ntc-templates release the launcher and the test harness install (tools/stack/ntc-templates.mjs). */
export const NTC_TEMPLATES_VERSION = '9.2.0';
export const INSTALL_COMMAND = 'npm run stack:up';

/**
 * The `templates` folder of the ntc-templates the launcher installed into `<repository>/.yard/ntc-templates`, found
 * from `start` (default: this library's own folder) upwards. TEXTFSM_TEMPLATES_MISSING, naming the command that
 * installs it, when there is none.
 */
export function findInstalledNtcTemplates(start: string = __dirname): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const venv = join(folder, '.yard', 'ntc-templates', `venv-${NTC_TEMPLATES_VERSION}`);
    const templates = templatesIn(venv);
    if (templates) return templates;
    if (dirname(folder) === folder) break;
  }
  throw new TextFsmError(
    'TEXTFSM_TEMPLATES_MISSING',
    `ntc-templates ${NTC_TEMPLATES_VERSION} is not installed: run \`${INSTALL_COMMAND}\` in the repository (it installs it into .yard/ntc-templates), or give a template folder of your own in YARD_TEXTFSM_TEMPLATES`,
  );
}

function templatesIn(venv: string): string | null {
  const lib = join(venv, 'lib');
  if (!existsSync(lib)) return null;
  for (const python of readdirSync(lib)) {
    const templates = join(lib, python, 'site-packages', 'ntc_templates', 'templates');
    if (existsSync(join(templates, 'index'))) return templates;
  }
  return null;
}
