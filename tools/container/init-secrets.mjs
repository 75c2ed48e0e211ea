// docker-compose's `secrets` step, before any service starts: makes the instance's two secrets, once, in the folder
// YARD_SECRETS_DIR (the `secrets` volume): `secrets-key`, the YARD_SECRETS_KEY that seals sensitive variables (32
// random bytes, base64), and `admin-token`, the token of the first administrator, which the API takes on a
// database without users. The services read them through YARD_SECRETS_KEY_FILE and YARD_ADMIN_TOKEN_FILE. A file
// that exists is kept: the key must stay the same for as long as runs sealed with it exist. YARD_SECRETS_KEY or
// YARD_ADMIN_TOKEN, when set, is stored instead of a new random value. Says where they are, never what they are.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_DIR = '/var/lib/yardmaster/secrets';

async function main(env) {
  const dir = env.YARD_SECRETS_DIR || DEFAULT_DIR;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { generateTokenSecret } = await import('@yardmaster/identity');
  const secrets = [
    { file: 'secrets-key', what: 'the secrets key (YARD_SECRETS_KEY)', given: env.YARD_SECRETS_KEY, make: () => randomBytes(32).toString('base64') },
    { file: 'admin-token', what: "the first administrator's token", given: env.YARD_ADMIN_TOKEN, make: generateTokenSecret },
  ];
  for (const { file, what, given, make } of secrets) {
    const path = join(dir, file);
    if (existsSync(path)) {
      process.stdout.write(`kept ${what} in ${path}\n`);
      continue;
    }
    // `wx`: two first starts at once keep the first one's secret instead of both writing.
    writeFileSync(path, `${given?.trim() || make()}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    process.stdout.write(`created ${what} in ${path}${given?.trim() ? ' (the value given in the environment)' : ''}\n`);
  }
}

main(process.env).catch((error) => {
  process.stderr.write(`[yard] could not create the secrets: ${error?.message ?? String(error)}\n`);
  process.exit(1);
});
