import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readSharedConfig } from './shared-config';

function problemsOf(reader: EnvReader): readonly string[] {
  try {
    reader.finish(null);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readSharedConfig: the log level', () => {
  it('is info when YARD_LOG_LEVEL is unset or empty', () => {
    expect(readSharedConfig(new EnvReader({})).logLevel).toBe('info');
    expect(readSharedConfig(new EnvReader({ YARD_LOG_LEVEL: '' })).logLevel).toBe('info');
  });

  it.each(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])('takes %s', (level) => {
    const env = new EnvReader({ YARD_LOG_LEVEL: level });
    expect(readSharedConfig(env).logLevel).toBe(level);
    expect(problemsOf(env)).toEqual([]);
  });

  it('reports a level pino does not know, naming the ones it does', () => {
    const env = new EnvReader({ YARD_LOG_LEVEL: 'verbose' });
    readSharedConfig(env);
    expect(problemsOf(env)).toEqual(['YARD_LOG_LEVEL="verbose": expected one of trace, debug, info, warn, error, fatal, silent']);
  });

  it('is case-sensitive, as pino is', () => {
    const env = new EnvReader({ YARD_LOG_LEVEL: 'DEBUG' });
    readSharedConfig(env);
    expect(problemsOf(env)).toHaveLength(1);
  });
});
