import { compilePythonRegex, type PythonRegex } from '../regex/python-regex';

export const VALUE_OPTIONS = ['Filldown', 'Key', 'Required', 'List', 'Fillup'] as const;
export type ValueOption = (typeof VALUE_OPTIONS)[number];

/** One `Value [Options] Name (regex)` line of a template. */
export interface ValueDefinition {
  readonly name: string;
  /** In the order the template lists them: TextFSM calls each option's hooks in that order. */
  readonly options: readonly ValueOption[];
  /** The regex as written. */
  readonly regex: string;
  /** The regex with its first group named after the Value: what `${Name}` stands for in rules. */
  readonly substitution: string;
  /** List values whose regex has more than one group: matched again on each value to make a record of its named groups. */
  readonly nested: PythonRegex | null;
}

export class ValueSyntaxError extends Error {
  override readonly name = 'ValueSyntaxError';
}

const MAX_NAME_LENGTH = 48;

/** textfsm's TextFSMValue.Parse: tokens split on single spaces, the regex in one `(...)` pair. */
export function parseValueLine(line: string): ValueDefinition {
  const tokens = line.split(' ');
  if (tokens.length < 3) throw new ValueSyntaxError('Expect at least 3 tokens on line.');
  let options: ValueOption[] = [];
  let name: string;
  let regex: string;
  if (!tokens[2].startsWith('(')) {
    options = parseOptions(tokens[1]);
    name = tokens[2];
    regex = tokens.slice(3).join(' ');
  } else {
    name = tokens[1];
    regex = tokens.slice(2).join(' ');
  }
  if (name.length > MAX_NAME_LENGTH) throw new ValueSyntaxError(`Invalid Value name '${name}' or name too long.`);
  if (!regex.startsWith('(') || !regex.endsWith(')') || regex.endsWith('\\)')) {
    throw new ValueSyntaxError(`Value '${regex}' must be contained within a '()' pair.`);
  }
  let compiled: PythonRegex;
  try {
    compiled = compilePythonRegex(regex);
  } catch (error) {
    throw new ValueSyntaxError(`Value ${name}: ${(error as Error).message}`);
  }
  return {
    name,
    options,
    regex,
    substitution: `(?P<${name}>${regex.slice(1)}`,
    nested: options.includes('List') && compiled.groupCount > 1 ? compiled : null,
  };
}

function parseOptions(text: string): ValueOption[] {
  const options: ValueOption[] = [];
  for (const option of text.split(',')) {
    if (options.includes(option as ValueOption)) throw new ValueSyntaxError(`Duplicate option "${option}"`);
    if (!(VALUE_OPTIONS as readonly string[]).includes(option)) throw new ValueSyntaxError(`Unknown option "${option}"`);
    options.push(option as ValueOption);
  }
  return options;
}
