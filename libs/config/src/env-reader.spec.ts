import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';

function problemsOf(reader: EnvReader): readonly string[] {
  try {
    reader.finish(null);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('EnvReader', () => {
  describe('string', () => {
    it('returns the value when set, the fallback when unset or empty', () => {
      const env = new EnvReader({ SET: 'value', EMPTY: '' });
      expect(env.string('SET', 'fallback')).toBe('value');
      expect(env.string('EMPTY', 'fallback')).toBe('fallback');
      expect(env.string('UNSET', 'fallback')).toBe('fallback');
      expect(problemsOf(env)).toEqual([]);
    });
  });

  describe('matching', () => {
    it('accepts a value that matches and reports one that does not', () => {
      const env = new EnvReader({ GOOD: 'abc', BAD: 'ABC!' });
      expect(env.matching('GOOD', 'x', /^[a-z]+$/, 'lower-case letters')).toBe('abc');
      expect(env.matching('UNSET', 'dflt', /^[a-z]+$/, 'lower-case letters')).toBe('dflt');
      expect(env.matching('BAD', 'x', /^[a-z]+$/, 'lower-case letters')).toBe('ABC!');
      expect(problemsOf(env)).toEqual(['BAD="ABC!": expected lower-case letters']);
    });
  });

  describe('integer', () => {
    it('parses a whole number within the bounds, including both ends', () => {
      const env = new EnvReader({ LOW: '1', HIGH: '10', MID: '5' });
      expect(env.integer('LOW', 7, 1, 10)).toBe(1);
      expect(env.integer('HIGH', 7, 1, 10)).toBe(10);
      expect(env.integer('MID', 7, 1, 10)).toBe(5);
      expect(problemsOf(env)).toEqual([]);
    });

    it('uses the fallback when unset or empty', () => {
      const env = new EnvReader({ EMPTY: '' });
      expect(env.integer('UNSET', 42, 1, 100)).toBe(42);
      expect(env.integer('EMPTY', 42, 1, 100)).toBe(42);
      expect(problemsOf(env)).toEqual([]);
    });

    it.each([['abc'], ['1.5'], ['0'], ['11'], ['-3'], ['12abc'], ['  '], ['0x5'], ['1e1']])('reports %p and returns the fallback', (raw) => {
      const env = new EnvReader({ PORT: raw });
      expect(env.integer('PORT', 7, 1, 10)).toBe(7);
      expect(problemsOf(env)).toEqual([`PORT=${JSON.stringify(raw)}: expected a whole number from 1 to 10`]);
    });
  });

  describe('url', () => {
    it('parses a URL with an allowed protocol', () => {
      const env = new EnvReader({ NATS: 'tls://nats.example:4443' });
      const url = env.url('NATS', 'nats://127.0.0.1:4222', ['nats:', 'tls:']);
      expect(url).toBeInstanceOf(URL);
      expect(url.protocol).toBe('tls:');
      expect(url.host).toBe('nats.example:4443');
      expect(problemsOf(env)).toEqual([]);
    });

    it('uses the fallback when unset', () => {
      const env = new EnvReader({});
      expect(env.url('NATS', 'nats://127.0.0.1:4222', ['nats:']).toString()).toBe('nats://127.0.0.1:4222');
      expect(problemsOf(env)).toEqual([]);
    });

    it('reports a value that is not a URL and returns the fallback', () => {
      const env = new EnvReader({ NATS: 'not a url' });
      expect(env.url('NATS', 'nats://127.0.0.1:4222', ['nats:']).toString()).toBe('nats://127.0.0.1:4222');
      expect(problemsOf(env)).toEqual(['NATS="not a url": not a URL']);
    });

    it('reports a URL with a protocol that is not allowed', () => {
      const env = new EnvReader({ DB: 'mysql://db:3306/x' });
      env.url('DB', 'postgres://127.0.0.1/x', ['postgres:', 'postgresql:']);
      expect(problemsOf(env)).toEqual(['DB="mysql://db:3306/x": expected a URL starting with postgres: or postgresql://']);
    });

    it('masks the user and password of a URL it reports', () => {
      const env = new EnvReader({ NATS: 'ws://yard:s3cret@nats.example:443', DB: 'postgres://yard:s3cret@db:99999/x' });
      env.url('NATS', 'nats://127.0.0.1:4222', ['nats:']);
      env.url('DB', 'postgres://127.0.0.1/x', ['postgres:']);
      expect(problemsOf(env)).toEqual([
        'NATS="ws://********@nats.example:443": expected a URL starting with nats://',
        'DB="postgres://********@db:99999/x": not a URL',
      ]);
    });
  });

  describe('list', () => {
    const queue = /^[a-z]+$/;

    it('splits on commas, trims and drops empty items', () => {
      const env = new EnvReader({ QUEUES: ' high , default,,low ' });
      expect(env.list('QUEUES', ['default'], queue, 'a queue name')).toEqual(['high', 'default', 'low']);
      expect(problemsOf(env)).toEqual([]);
    });

    it('returns a copy of the fallback when unset or blank', () => {
      const fallback = ['default'];
      const env = new EnvReader({ BLANK: '   ' });
      const fromUnset = env.list('UNSET', fallback, queue, 'a queue name');
      const fromBlank = env.list('BLANK', fallback, queue, 'a queue name');
      expect(fromUnset).toEqual(['default']);
      expect(fromBlank).toEqual(['default']);
      expect(fromUnset).not.toBe(fallback);
      fromUnset.push('mutated');
      expect(fallback).toEqual(['default']);
      expect(problemsOf(env)).toEqual([]);
    });

    it('reports each item that does not match', () => {
      const env = new EnvReader({ QUEUES: 'ok,Bad,9x' });
      expect(env.list('QUEUES', ['default'], queue, 'a queue name')).toEqual(['ok', 'Bad', '9x']);
      expect(problemsOf(env)).toEqual(['QUEUES: "Bad" is not a queue name', 'QUEUES: "9x" is not a queue name']);
    });

    it('reports a list with only separators', () => {
      const env = new EnvReader({ QUEUES: ' , ,' });
      expect(env.list('QUEUES', ['default'], queue, 'a queue name')).toEqual([]);
      expect(problemsOf(env)).toEqual(['QUEUES: expected at least one value']);
    });
  });

  describe('finish', () => {
    it('returns the config when there are no problems', () => {
      const config = { a: 1 };
      expect(new EnvReader({}).finish(config)).toBe(config);
    });

    it('throws one ConfigError listing every problem, one per line', () => {
      const env = new EnvReader({ PORT: 'x', URL: 'nope', NAME: 'UPPER', LIST: 'ok,BAD' });
      env.integer('PORT', 1, 1, 10);
      env.url('URL', 'http://localhost', ['http:']);
      env.matching('NAME', 'x', /^[a-z]+$/, 'lower case');
      env.list('LIST', ['ok'], /^[a-z]+$/, 'a name');
      env.string('FINE', 'ok');
      let thrown: unknown;
      try {
        env.finish({});
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      const error = thrown as ConfigError;
      expect(error.name).toBe('ConfigError');
      expect(error.problems).toEqual([
        'PORT="x": expected a whole number from 1 to 10',
        'URL="nope": not a URL',
        'NAME="UPPER": expected lower case',
        'LIST: "BAD" is not a name',
      ]);
      expect(error.message).toBe(
        [
          'Invalid configuration:',
          '  - PORT="x": expected a whole number from 1 to 10',
          '  - URL="nope": not a URL',
          '  - NAME="UPPER": expected lower case',
          '  - LIST: "BAD" is not a name',
        ].join('\n'),
      );
    });
  });

  describe('secrets from files (<NAME>_FILE)', () => {
    const files: Record<string, string> = { '/run/secrets/token': '  a-long-enough-secret-from-a-file-0123456789\n' };
    const readFile = (path: string): string => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    };

    it('reads the file a <NAME>_FILE variable names, without the white space around it', () => {
      const env = new EnvReader({ TOKEN_FILE: '/run/secrets/token' }, readFile);
      expect(env.hasSecret('TOKEN')).toBe(true);
      expect(env.secretText('TOKEN')).toBe('a-long-enough-secret-from-a-file-0123456789');
      expect(env.optionalSecret('TOKEN', 32)).toBe('a-long-enough-secret-from-a-file-0123456789');
      expect(problemsOf(env)).toEqual([]);
    });

    it('takes the variable itself when no file is named, and nothing when neither is set', () => {
      const env = new EnvReader({ TOKEN: 'direct-secret-direct-secret-direct-secret' }, readFile);
      expect(env.secretText('TOKEN')).toBe('direct-secret-direct-secret-direct-secret');
      expect(env.hasSecret('OTHER')).toBe(false);
      expect(env.secretText('OTHER')).toBe('');
      expect(env.optionalSecret('OTHER', 32)).toBeNull();
      expect(problemsOf(env)).toEqual([]);
    });

    it('refuses both set, and a file it cannot read, without showing any value', () => {
      const env = new EnvReader({ TOKEN: 'direct-secret-direct-secret-direct-secret', TOKEN_FILE: '/run/secrets/token', MISSING_FILE: '/nowhere' }, readFile);
      env.secretText('TOKEN');
      expect(env.optionalSecret('MISSING', 32)).toBeNull();
      const problems = problemsOf(env);
      expect(problems).toEqual(['TOKEN and TOKEN_FILE are both set: set one of them', 'MISSING_FILE="/nowhere": cannot read it (ENOENT)']);
      expect(problems.join('\n')).not.toContain('secret');
    });
  });
});
