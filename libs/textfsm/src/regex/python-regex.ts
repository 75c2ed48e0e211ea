import { setFlagsFromString } from 'node:v8';
import { requiredLiteral } from './required-literal';
import { PythonRegexError, translatePythonRegex } from './translate-python-regex';

/**
 * The bound on runaway regular expressions: V8 runs a pattern whose backtracking passes a threshold again on its
 * linear-time engine, which gives the same match without the exponential cost (catastrophic backtracking ends in
 * milliseconds instead of hours). Patterns that engine cannot run (backreferences, lookarounds) keep backtracking;
 * `runTemplate` also refuses lines longer than MAX_LINE_LENGTH. The flag applies to patterns compiled after it is set.
 */
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/** A Python pattern compiled for `re.match` semantics: anchored at the start of the text, not at its end. */
export interface PythonRegex {
  /** Sticky: `exec` with `lastIndex` 0 matches at the start only, like Python's `re.match`. */
  readonly regex: RegExp;
  readonly groupNames: readonly string[];
  readonly groupCount: number;
  /** Text every match contains: a line without it is not tried (nor the pattern compiled). */
  readonly requiredText: string | null;
  /** Repeated groups holding named groups, each with its body alone (sticky), to restore Python's captures. */
  readonly repeated: readonly { readonly wrapper: string; readonly body: RegExp; readonly names: readonly string[] }[];
}

export function compilePythonRegex(pattern: string): PythonRegex {
  const translated = translatePythonRegex(pattern);
  const indices = translated.repeated.length > 0 ? 'd' : '';
  try {
    return {
      regex: new RegExp(translated.source, `${translated.flags}${indices}y`),
      groupNames: translated.groupNames,
      groupCount: translated.groupCount,
      requiredText: requiredLiteral(translated.source),
      repeated: translated.repeated.map(({ wrapper, body, names }) => ({ wrapper, body: new RegExp(body, `${translated.flags}y`), names })),
    };
  } catch (error) {
    throw new PythonRegexError((error as Error).message);
  }
}

/** Python's `pattern.match(text)`: a match starting at 0, or null. */
export function matchAtStart(compiled: PythonRegex, text: string): RegExpExecArray | null {
  if (compiled.requiredText !== null && !text.includes(compiled.requiredText)) return null;
  compiled.regex.lastIndex = 0;
  const match = compiled.regex.exec(text);
  if (match !== null && compiled.repeated.length > 0) restoreRepeatedCaptures(compiled, match, text);
  return match;
}

/**
 * Python keeps what a group captured in an earlier repetition when a later one skips it (`(${CAPS}?\s)+` keeps
 * `CAPS`); JavaScript forgets it. Walks the repetitions the match went through, within the span of the repeated
 * group, and gives each forgotten group its last capture.
 */
function restoreRepeatedCaptures(compiled: PythonRegex, match: RegExpExecArray, text: string): void {
  const groups = match.groups as Record<string, string | undefined>;
  for (const { wrapper, body, names } of compiled.repeated) {
    const span = match.indices?.groups?.[wrapper];
    if (span === undefined || names.every((name) => groups[name] !== undefined)) continue;
    const within = text.slice(0, span[1]);
    for (let position = span[0]; position < span[1]; ) {
      body.lastIndex = position;
      const repetition = body.exec(within);
      if (repetition === null || body.lastIndex === position) break;
      for (const name of names) {
        const captured = repetition.groups?.[name];
        if (captured !== undefined) lastCaptures.set(name, captured);
      }
      position = body.lastIndex;
    }
    for (const name of names) if (groups[name] === undefined && lastCaptures.has(name)) groups[name] = lastCaptures.get(name);
    lastCaptures.clear();
  }
}

const lastCaptures = new Map<string, string>();

export { PythonRegexError };
