import { randomBytes } from 'node:crypto';
import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readSecretsKey } from './secrets-key';

function problemsOf(reader: EnvReader): readonly string[] {
  try {
    reader.finish(null);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

function problemsFor(value: string | undefined): readonly string[] {
  const reader = new EnvReader({ YARD_SECRETS_KEY: value });
  readSecretsKey(reader);
  return problemsOf(reader);
}

describe('readSecretsKey', () => {
  it('reads 32 bytes of base64', () => {
    const key = randomBytes(32);
    expect(readSecretsKey(new EnvReader({ YARD_SECRETS_KEY: ` ${key.toString('base64')}\n` }))).toEqual(key);
    expect(problemsFor(key.toString('base64'))).toEqual([]);
  });

  it('says how to make one when it is missing', () => {
    expect(problemsFor(undefined)).toEqual([expect.stringMatching(/YARD_SECRETS_KEY is not set.*openssl rand -base64 32/)]);
    expect(problemsFor('')).toHaveLength(1);
  });

  it('refuses a key of another size or not base64, without echoing it', () => {
    for (const value of [randomBytes(16).toString('base64'), 'not base64 at all!', randomBytes(33).toString('base64')]) {
      const problems = problemsFor(value);
      expect(problems).toEqual([expect.stringMatching(/not 32 bytes in base64.*openssl rand -base64 32/)]);
      expect(problems[0]).not.toContain(value);
    }
  });

  it('reads the key from the file YARD_SECRETS_KEY_FILE names (a Docker secret), trimmed', () => {
    const key = randomBytes(32);
    const files: Record<string, string> = { '/run/secrets/key': `${key.toString('base64')}\n` };
    const reader = new EnvReader({ YARD_SECRETS_KEY_FILE: '/run/secrets/key' }, (path) => files[path]);
    expect(readSecretsKey(reader)).toEqual(key);
    expect(reader.finish('ok')).toBe('ok');
  });

  it('reports an unreadable key file once, naming the file and not the key', () => {
    const reader = new EnvReader({ YARD_SECRETS_KEY_FILE: '/nowhere/key' }, () => {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    });
    readSecretsKey(reader);
    expect(problemsOf(reader)).toEqual(['YARD_SECRETS_KEY_FILE="/nowhere/key": cannot read it (ENOENT)']);
  });
});
