import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './console.mjs';
import { ROOT } from './install.mjs';

const KEY_FILE = join(ROOT, '.yard', 'secrets.key');

/**
 * Makes sure `YARD_SECRETS_KEY` is set for the services this process starts: the environment's own, else the
 * key kept in `.yard/secrets.key`, created (32 random bytes, base64, mode 600) the first time. Kept, not made
 * per start, so runs accepted before a restart still open. The key itself is never printed. A key given as a file
 * (`YARD_SECRETS_KEY_FILE`) is the operator's own: setting the variable beside it would make the services refuse both.
 */
export function ensureSecretsKey(env = process.env) {
  if (env.YARD_SECRETS_KEY || env.YARD_SECRETS_KEY_FILE) return;
  if (!existsSync(KEY_FILE)) {
    mkdirSync(join(ROOT, '.yard'), { recursive: true });
    writeFileSync(KEY_FILE, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    say('Created the secrets key for sensitive variables in .yard/secrets.key (keep it private; set YARD_SECRETS_KEY to use your own)');
  }
  // Whatever umask applied when it was written.
  chmodSync(KEY_FILE, 0o600);
  env.YARD_SECRETS_KEY = readFileSync(KEY_FILE, 'utf8').trim();
}
