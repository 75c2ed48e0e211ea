/**
 * Python's `string.Template(rule).substitute(values)`, which TextFSM applies to every rule: `${NAME}` and `$NAME`
 * (an identifier, any case) become the Value's regular expression, `$$` a single `$` (how templates write the
 * end-of-line anchor). Any other `$`, or an unknown name, makes the rule invalid: `substitute` raises there too.
 */
const PLACEHOLDER = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;

export class SubstitutionError extends Error {
  override readonly name = 'SubstitutionError';
}

export function substituteVariables(rule: string, values: ReadonlyMap<string, string>): string {
  return rule.replace(PLACEHOLDER, (_whole, escaped?: string, named?: string, braced?: string) => {
    if (escaped !== undefined) return '$';
    const name = named ?? braced;
    if (name === undefined) throw new SubstitutionError('invalid placeholder: a lone $ (write $$ for the end of the line)');
    const regex = values.get(name);
    if (regex === undefined) throw new SubstitutionError(`unknown Value ${name}`);
    return regex;
  });
}
