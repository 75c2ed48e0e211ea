import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';

/**
 * Parses a service's configuration once, at start. On a bad environment it prints the problems
 * and exits with 78 (EX_CONFIG) instead of starting half-configured.
 */
export function loadConfigOrExit<T>(service: string, parse: (env: EnvReader) => T, env: NodeJS.ProcessEnv = process.env): T {
  try {
    const reader = new EnvReader(env);
    return reader.finish(parse(reader));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`yardmaster ${service}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
