/**
 * The longest run of literal text that every match of a (translated, JavaScript) pattern must contain, or null.
 * A line without it cannot match, so the rule is skipped without running, or even compiling, its pattern: most
 * rules of a template never match most lines. Conservative: only the top-level sequence counts (groups, classes,
 * escapes of classes and optional atoms break a run), and a top-level `|` gives null.
 */
export function requiredLiteral(source: string, minimumLength = 3): string | null {
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let index = 0; index < source.length; ) {
    const char = source[index];
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      const argument = ESCAPE_ARGUMENT.exec(source.slice(index + 1, index + 12));
      if (argument) {
        endRun();
        index += 1 + argument[0].length;
      } else {
        run += next;
        index += 2;
      }
    } else if (char === '(') {
      endRun();
      index = skipGroup(source, index);
      if (index < 0) return null;
    } else if (char === '[') {
      endRun();
      index = skipClass(source, index);
      if (index < 0) return null;
    } else if (char === '|') {
      return null;
    } else if (char === '*' || char === '?' || char === '{') {
      // The atom before may be absent; a `{n,m}` is skipped whole (a `{` that is a literal brace only loses a candidate).
      run = run.slice(0, -1);
      endRun();
      index += char === '{' ? (BRACE_QUANTIFIER.exec(source.slice(index, index + 24))?.[0].length ?? 1) : 1;
    } else if (char === '+') {
      endRun();
      index++;
    } else if (char === '.' || char === '^' || char === '$' || char === ')' || char === ']' || char === '}') {
      endRun();
      index++;
    } else {
      run += char;
      index++;
    }
  }
  endRun();
  return best.length >= minimumLength ? best : null;
}

const BRACE_QUANTIFIER = /^\{\d*(?:,\d*)?\}/;

/** Escapes that are not one literal character: classes, anchors, backreferences, codes with their digits. */
const ESCAPE_ARGUMENT = /^(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|c[A-Za-z]|k<[^>]*>|[0-9]+|[A-Za-z])/;

/** The index after the group opening at `start`, or -1 when it does not close. */
function skipGroup(source: string, start: number): number {
  let depth = 0;
  for (let index = start; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') {
      index = skipClass(source, index) - 1;
      if (index < 0) return -1;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index + 1;
  }
  return -1;
}

/** The index after the class opening at `start` (translated sources escape a leading `]`), or -1. */
function skipClass(source: string, start: number): number {
  for (let index = start + 1; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === ']') return index + 1;
  }
  return -1;
}
