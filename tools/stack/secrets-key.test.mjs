import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureSecretsKey } from './secrets-key.mjs';

test('a key the operator gives as a file is left alone: no YARD_SECRETS_KEY beside it', () => {
  const env = { YARD_SECRETS_KEY_FILE: '/run/secrets/yard' };
  ensureSecretsKey(env);
  assert.deepEqual(env, { YARD_SECRETS_KEY_FILE: '/run/secrets/yard' });
});

test('a key the operator gives in the environment is kept as it is', () => {
  const env = { YARD_SECRETS_KEY: 'own-key' };
  ensureSecretsKey(env);
  assert.deepEqual(env, { YARD_SECRETS_KEY: 'own-key' });
});

test('without either, the services get the kept key from .yard/secrets.key', () => {
  const env = {};
  ensureSecretsKey(env);
  assert.equal(Buffer.from(env.YARD_SECRETS_KEY, 'base64').length, 32);
});
