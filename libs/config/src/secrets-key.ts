import type { EnvReader } from './env-reader';

export const SECRETS_KEY_VARIABLE = 'YARD_SECRETS_KEY';
const KEY_BYTES = 32;
const HOW_TO_MAKE_ONE =
  'make one with `openssl rand -base64 32` (npm start keeps one in .yard/secrets.key), or name a file holding it in YARD_SECRETS_KEY_FILE';

/**
 * The instance's secrets key: 32 random bytes, base64. The scheduler seals sensitive run data with it and
 * collectors open it, so every scheduler and collector of an instance needs the same key. Problems never echo
 * the value: a malformed key may still be most of a real one.
 */
export function readSecretsKey(env: EnvReader): Buffer {
  const raw = env.secretText(SECRETS_KEY_VARIABLE).trim();
  if (raw === '' && env.hasSecret(SECRETS_KEY_VARIABLE)) return Buffer.alloc(KEY_BYTES); // an unreadable file: reported
  if (raw === '') {
    env.report(`${SECRETS_KEY_VARIABLE} is not set: expected ${KEY_BYTES} random bytes in base64; ${HOW_TO_MAKE_ONE}`);
    return Buffer.alloc(KEY_BYTES);
  }
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) && raw.length % 4 === 0 ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    env.report(`${SECRETS_KEY_VARIABLE} is not ${KEY_BYTES} bytes in base64 (its value is not shown); ${HOW_TO_MAKE_ONE}`);
    return Buffer.alloc(KEY_BYTES);
  }
  return key;
}
