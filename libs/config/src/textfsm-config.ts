import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EnvReader } from './env-reader';

/** Where TextFSM templates come from besides the installed ntc-templates (README, "Parsing device output"). */
export interface TextfsmConfig {
  /** A folder of the user's own templates with its own `index`, searched before ntc-templates; null: none. */
  readonly userTemplates: string | null;
  /** How long one command's output may take to parse before the template is called a runaway (TEXTFSM_RUNAWAY). */
  readonly parseDeadlineMs: number;
}

export function readTextfsmConfig(env: EnvReader): TextfsmConfig {
  const parseDeadlineMs = env.integer('YARD_TEXTFSM_PARSE_DEADLINE_SECONDS', 10, 1, 600) * 1000;
  const folder = env.string('YARD_TEXTFSM_TEMPLATES', '');
  if (folder === '') return { userTemplates: null, parseDeadlineMs };
  if (!existsSync(join(folder, 'index'))) {
    env.report(`YARD_TEXTFSM_TEMPLATES=${JSON.stringify(folder)}: expected a folder holding an 'index' file and its templates (ntc-templates' layout)`);
  }
  return { userTemplates: resolve(folder), parseDeadlineMs };
}
