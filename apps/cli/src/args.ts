import { parseArgs, type ParseArgsConfig } from 'node:util';
import { messageOf, UsageError } from './errors';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

type StrictConfig<T extends OptionsConfig> = { args: string[]; options: T; allowPositionals: true; strict: true };

/** `values` typed by the options (`--data` multiple: `string[] | undefined`), and `positionals`. */
export type ParsedCommandLine<T extends OptionsConfig> = ReturnType<typeof parseArgs<StrictConfig<T>>>;

/**
 * A command's arguments, parsed strictly (an unknown option or a missing value is a usage error); positionals
 * are allowed, `expectPositionals` counts them.
 */
export function parseCommandLine<const T extends OptionsConfig>(command: string, argv: readonly string[], options: T): ParsedCommandLine<T> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${parseErrorMessage(error)}`, [], command);
  }
}

/** Exactly the positionals named (`<runId>`), or a usage error saying what is missing or too much. */
export function expectPositionals(command: string, positionals: readonly string[], names: readonly string[]): string[] {
  if (positionals.length < names.length) {
    throw new UsageError(`${command}: missing ${names.slice(positionals.length).join(' ')}`, [], command);
  }
  if (positionals.length > names.length) {
    const extra = positionals.slice(names.length).map((value) => JSON.stringify(value));
    throw new UsageError(`${command}: unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`, [], command);
  }
  return [...positionals];
}

/** The options of a command that takes no positional argument: one given is a usage error. */
export function parseOptionsOnly<const T extends OptionsConfig>(command: string, argv: readonly string[], options: T): ParsedCommandLine<T>['values'] {
  const { values, positionals } = parseCommandLine(command, argv, options);
  expectPositionals(command, positionals, []);
  return values;
}

/** A whole number within bounds, from an option's text; a usage error otherwise. */
export function wholeNumberOption(command: string, option: string, raw: string | undefined, min: number, max?: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${command}: --${option} must be a whole number ${range}, not ${JSON.stringify(raw)}`, [], command);
  }
  return value;
}

/** True when `--help` or `-h` comes before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const argument of argv) {
    if (argument === '--') return false;
    if (argument === '--help' || argument === '-h') return true;
  }
  return false;
}

/** parseArgs's messages end with advice for script authors (`To specify a positional argument ...`): keep the first sentence. */
function parseErrorMessage(error: unknown): string {
  const message = messageOf(error);
  const first = message.split(/\.\s+(?=To specify)/)[0].replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}
