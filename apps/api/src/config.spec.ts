import { ConfigError, EnvReader } from '@yardmaster/config';
import { readApiConfig } from './config';

const TOKEN = 'yard_first-admin-token-from-a-docker-secret-0123456789';

function problemsOf(reader: EnvReader): readonly string[] {
  try {
    reader.finish(null);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('readApiConfig: the first administrator', () => {
  it('takes the token from the file YARD_ADMIN_TOKEN_FILE names, as docker-compose hands it over', () => {
    const reader = new EnvReader({ YARD_ADMIN_USERNAME: 'admin', YARD_ADMIN_TOKEN_FILE: '/secrets/admin-token' }, (path) => {
      if (path !== '/secrets/admin-token') throw new Error(`unexpected ${path}`);
      return `${TOKEN}\n`;
    });
    expect(readApiConfig(reader).firstAdmin).toEqual({ username: 'admin', token: TOKEN });
    expect(problemsOf(reader)).toEqual([]);
  });

  it('still wants the username and the token together, whichever way the token comes', () => {
    const reader = new EnvReader({ YARD_ADMIN_TOKEN_FILE: '/secrets/admin-token' }, () => TOKEN);
    expect(readApiConfig(reader).firstAdmin).toBeNull();
    expect(problemsOf(reader)).toEqual([expect.stringContaining('YARD_ADMIN_USERNAME and YARD_ADMIN_TOKEN go together')]);
  });
});
