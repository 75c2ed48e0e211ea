import { compilePythonRegex, matchAtStart, type PythonRegex } from '../regex/python-regex';
import { TextFsmError } from '../textfsm-error';

/** What a command's output is looked up by: the columns of ntc-templates' index (others are ignored). */
export interface IndexAttributes {
  readonly Platform: string;
  readonly Command: string;
}

/** One line of an index: its templates (the `Template` column split on ':') and each other column's pattern. */
export interface IndexRow {
  readonly line: number;
  readonly templates: readonly string[];
  /** Column name to its compiled pattern; an empty column matches anything. */
  readonly patterns: ReadonlyMap<string, PythonRegex | null>;
}

export interface CliIndex {
  readonly name: string;
  readonly rows: readonly IndexRow[];
}

/**
 * textfsm's clitable IndexTable as CliTable reads it: comma-separated, the first non-comment line the header,
 * lines starting with '#' and lines with another number of fields skipped, each field stripped. In the `Command`
 * column `sh[[ow]]` is the completion `sh(o(w)?)?`; every column but `Template` is a Python regular expression
 * matched at the start of the attribute (`re.match`).
 */
export function parseCliIndex(text: string, name: string): CliIndex {
  const lines = text.split(/\r\n|\n|\r/);
  let cursor = 0;
  let header: string[] = [];
  while (cursor < lines.length && header.length === 0) {
    const content = lines[cursor++].split('#')[0].trim();
    if (content !== '') header = content.split(',').map((column) => column.trim());
  }
  if (!header.includes('Template')) {
    throw new TextFsmError('TEXTFSM_INDEX_INVALID', `${name}: the index has no 'Template' column (its first line names the columns)`, { template: name });
  }
  const rows: IndexRow[] = [];
  for (; cursor < lines.length; cursor++) {
    const line = lines[cursor];
    if (line.startsWith('#')) continue;
    const fields = line.split(',').map((field) => field.trim());
    if (fields.length !== header.length) continue;
    const patterns = new Map<string, PythonRegex | null>();
    let templates: string[] = [];
    header.forEach((column, index) => {
      const field = fields[index];
      if (column === 'Template') {
        templates = field.split(':');
        return;
      }
      const pattern = column === 'Command' ? expandCompletions(field) : field;
      try {
        patterns.set(column, pattern === '' ? null : compilePythonRegex(pattern));
      } catch (error) {
        throw new TextFsmError('TEXTFSM_INDEX_INVALID', `${name}, line ${cursor + 1}: column ${column}: ${(error as Error).message}`, {
          template: name,
          templateLine: cursor + 1,
        });
      }
    });
    rows.push({ line: cursor + 1, templates, patterns });
  }
  return { name, rows };
}

/** `sh[[ow]]` → `sh(o(w)?)?`: every prefix of the bracketed word (CliTable._Completion). */
export function expandCompletions(command: string): string {
  return command.replace(/\[\[(.+?)\]\]/g, (_whole, word: string) => `(${[...word].join('(')}${')?'.repeat(word.length)}`);
}

/**
 * The first row whose every pattern matches its attribute (CliTable's GetRowMatch), or null. The platform is tried
 * first: it rules out most rows with a short pattern, so most Command patterns are never compiled.
 */
export function findIndexRow(index: CliIndex, attributes: IndexAttributes): IndexRow | null {
  const columns = [['Platform', attributes.Platform] as const, ['Command', attributes.Command] as const];
  return (
    index.rows.find((row) =>
      columns.every(([column, value]) => {
        const pattern = row.patterns.get(column);
        return pattern === undefined || pattern === null || matchAtStart(pattern, value) !== null;
      }),
    ) ?? null
  );
}
