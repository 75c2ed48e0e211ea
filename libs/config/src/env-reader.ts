import { readFileSync } from 'node:fs';
import { REDACTED } from '@yardmaster/contracts';
import { ConfigError } from './config-error';

type Env = Readonly<Record<string, string | undefined>>;

/** Reads a file named by a `<NAME>_FILE` variable; tests hand in a fake. */
export type ReadSecretFile = (path: string) => string;

const readFromDisk: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/**
 * Reads typed values from the environment and collects every problem, so that one start-up
 * tells the operator everything that is wrong instead of one thing per attempt.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(
    private readonly env: Env,
    private readonly readFile: ReadSecretFile = readFromDisk,
  ) {}

  string(name: string, fallback: string): string {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  }

  matching(name: string, fallback: string, pattern: RegExp, expectation: string): string {
    const value = this.string(name, fallback);
    if (!pattern.test(value)) this.problems.push(`${name}=${JSON.stringify(value)}: expected ${expectation}`);
    return value;
  }

  oneOf<const T extends string>(name: string, fallback: T, choices: readonly T[]): T {
    const value = this.string(name, fallback);
    if (choices.includes(value as T)) return value as T;
    this.problems.push(`${name}=${JSON.stringify(value)}: expected one of ${choices.join(', ')}`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  url(name: string, fallback: string, protocols: readonly string[]): URL {
    const value = this.string(name, fallback);
    try {
      const url = new URL(value);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name}=${JSON.stringify(withoutCredentials(value))}: expected a URL starting with ${protocols.join(' or ')}//`);
      }
      return url;
    } catch {
      this.problems.push(`${name}=${JSON.stringify(withoutCredentials(value))}: not a URL`);
      return new URL(fallback);
    }
  }

  /** A comma-separated list; with `allowEmpty`, an unset variable gives the fallback and an empty one no values. */
  list(name: string, fallback: readonly string[], pattern: RegExp, expectation: string, allowEmpty = false): string[] {
    const raw = this.env[name];
    if (raw === undefined || raw.trim() === '') return [...fallback];
    const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
    for (const item of items) {
      if (!pattern.test(item)) this.problems.push(`${name}: ${JSON.stringify(item)} is not ${expectation}`);
    }
    if (items.length === 0 && !allowEmpty) this.problems.push(`${name}: expected at least one value`);
    return items;
  }

  /** Whether a secret is given, in `name` or as a file in `<name>_FILE`, without reading the file. */
  hasSecret(name: string): boolean {
    return (this.env[name] ?? '') !== '' || (this.env[`${name}_FILE`] ?? '') !== '';
  }

  /**
   * A secret's text: the variable `name`, or the content of the file that `<name>_FILE` names without the white space
   * around it (the way Docker and systemd hand over secrets without putting them in the environment); '' when
   * neither is set. Both set, or a file that cannot be read, is a problem; the value never appears in one.
   */
  secretText(name: string): string {
    const direct = this.env[name] ?? '';
    const file = this.env[`${name}_FILE`] ?? '';
    if (file === '') return direct;
    if (direct !== '') {
      this.problems.push(`${name} and ${name}_FILE are both set: set one of them`);
      return direct;
    }
    try {
      return this.readFile(file).trim();
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.problems.push(`${name}_FILE=${JSON.stringify(file)}: cannot read it (${reason})`);
      return '';
    }
  }

  /** A secret (never repeated in an error message), from `name` or `<name>_FILE`; null when unset. */
  optionalSecret(name: string, minLength: number): string | null {
    const raw = this.secretText(name);
    if (raw === '') return null;
    if (raw.length < minLength || /\s/.test(raw)) {
      this.problems.push(`${name}: expected at least ${minLength} characters without spaces (the value is not shown)`);
      return null;
    }
    return raw;
  }

  /** A problem no single typed reader can see: two variables that go together, or a secret whose value must not be echoed. */
  report(problem: string): void {
    this.problems.push(problem);
  }

  /** Throws one ConfigError naming every problem found so far. */
  finish<T>(config: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return config;
  }
}

/** A URL's user and password (or token) are secrets: a problem quoting the URL shows them masked. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@]*@/i, `$1${REDACTED}@`);
}
