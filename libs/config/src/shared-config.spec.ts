import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readSharedConfig } from './shared-config';

/** The shared configuration as a service reads it at start: every problem at once, as a ConfigError. */
function read(env: Record<string, string>) {
  const reader = new EnvReader(env);
  return reader.finish(readSharedConfig(reader));
}

describe('readSharedConfig: YARD_LOG_LEVEL', () => {
  it('is info when unset or empty', () => {
    expect(read({}).logLevel).toBe('info');
    expect(read({ YARD_LOG_LEVEL: '' }).logLevel).toBe('info');
  });

  it.each(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])('takes %s', (level) => {
    expect(read({ YARD_LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it('fails fast on a level pino does not know, naming the ones it does', () => {
    expect(() => read({ YARD_LOG_LEVEL: 'verbose' })).toThrow(
      new ConfigError(['YARD_LOG_LEVEL="verbose": expected one of trace, debug, info, warn, error, fatal, silent']),
    );
  });

  it('is case-sensitive, as pino is', () => {
    expect(() => read({ YARD_LOG_LEVEL: 'DEBUG' })).toThrow(ConfigError);
  });
});
