import { ConfigError, EnvReader } from '@yardmaster/config';
import { readApiConfig, type ApiConfig } from './config';

const TOKEN = 'yard_first-admin-token-from-a-docker-secret-0123456789';
/** The API seals credential sets: every configuration here has a key, unless a test is about it. */
const KEY = { YARD_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') };

function problemsOfReader(reader: EnvReader): readonly string[] {
  try {
    reader.finish(null);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('readApiConfig: the first administrator', () => {
  it('takes the token from the file YARD_ADMIN_TOKEN_FILE names, as docker-compose hands it over', () => {
    const reader = new EnvReader({ ...KEY, YARD_ADMIN_USERNAME: 'admin', YARD_ADMIN_TOKEN_FILE: '/secrets/admin-token' }, (path) => {
      if (path !== '/secrets/admin-token') throw new Error(`unexpected ${path}`);
      return `${TOKEN}\n`;
    });
    expect(readApiConfig(reader).firstAdmin).toEqual({ username: 'admin', token: TOKEN });
    expect(problemsOfReader(reader)).toEqual([]);
  });

  it('still wants the username and the token together, whichever way the token comes', () => {
    const reader = new EnvReader({ ...KEY, YARD_ADMIN_TOKEN_FILE: '/secrets/admin-token' }, () => TOKEN);
    expect(readApiConfig(reader).firstAdmin).toBeNull();
    expect(problemsOfReader(reader)).toEqual([expect.stringContaining('YARD_ADMIN_USERNAME and YARD_ADMIN_TOKEN go together')]);
  });
});


function configOf(env: Record<string, string>): ApiConfig {
  const reader = new EnvReader({ ...KEY, ...env });
  return reader.finish(readApiConfig(reader));
}

function problemsOf(env: Record<string, string>): string {
  try {
    configOf(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('no configuration error');
}

describe('readApiConfig: the edge', () => {
  it('allows no CORS origin and 20 failed authentications a minute unless told otherwise', () => {
    const config = configOf({});

    expect(config.corsOrigins).toEqual([]);
    expect(config.failedAuthentication).toEqual({ maxFailures: 20, windowSeconds: 60 });
  });

  it('reads an allow-list of origins and the failure limit', () => {
    const config = configOf({
      YARD_API_CORS_ORIGINS: 'https://ops.example.com, http://127.0.0.1:8080,https://[::1]:8443',
      YARD_API_AUTH_FAILURE_LIMIT: '5',
      YARD_API_AUTH_FAILURE_WINDOW_SECONDS: '300',
    });

    expect(config.corsOrigins).toEqual(['https://ops.example.com', 'http://127.0.0.1:8080', 'https://[::1]:8443']);
    expect(config.failedAuthentication).toEqual({ maxFailures: 5, windowSeconds: 300 });
  });

  it.each([['*'], ['https://ops.example.com/'], ['https://ops.example.com/app'], ['ops.example.com'], ['ftp://ops.example.com']])('refuses %j as an origin', (origin) => {
    expect(problemsOf({ YARD_API_CORS_ORIGINS: origin })).toContain('YARD_API_CORS_ORIGINS');
  });

  it('refuses a failure limit that is not a whole number from 1', () => {
    expect(problemsOf({ YARD_API_AUTH_FAILURE_LIMIT: '0' })).toContain('YARD_API_AUTH_FAILURE_LIMIT');
    expect(problemsOf({ YARD_API_AUTH_FAILURE_WINDOW_SECONDS: 'soon' })).toContain('YARD_API_AUTH_FAILURE_WINDOW_SECONDS');
  });
});

describe('readApiConfig: the secrets key', () => {
  it('reads YARD_SECRETS_KEY, which seals credential sets, and refuses to start without it', () => {
    expect(configOf({}).secretsKey).toEqual(Buffer.alloc(32, 7));
    const reader = new EnvReader({});
    readApiConfig(reader);
    expect(problemsOfReader(reader)).toEqual([expect.stringMatching(/^YARD_SECRETS_KEY is not set/)]);
  });
});
