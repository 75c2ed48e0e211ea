/**
 * Python `re` syntax (what TextFSM templates are written in) rewritten as a JavaScript pattern with the same meaning
 * for the inputs TextFSM gives it: single lines without line breaks. JavaScript runs without the `u` flag, whose
 * identity escapes (`\ `, `\:`, `\-` outside a class) Python accepts and templates use everywhere.
 *
 * What changes: `(?P<name>` and `(?P=name)`; leading inline flags: `(?m)` becomes JavaScript's flag, `(?i)`, `(?s)` and
 * `(?x)` are applied here; scoped `(?i:...)` and `(?s:...)`, which Node 20 lacks, are expanded (letters to `[aA]`, `.` to `[\s\S]`);
 * `\A` and `\Z`; `(?#...)` comments; `\a` and `\U........`; a `]` first in a class (literal in Python, an empty class
 * in JavaScript); `{,n}` (Python's `{0,n}`, a literal in JavaScript). What Python refuses here is refused: unknown
 * letter escapes and global flags that are not at the start. What JavaScript cannot express is refused too: atomic
 * groups, possessive quantifiers, conditionals. `\d`, `\w` and `\b` stay ASCII (Python's are Unicode-aware): device
 * output is ASCII.
 */
export class PythonRegexError extends Error {
  override readonly name = 'PythonRegexError';
}

export interface TranslatedRegex {
  readonly source: string;
  /** JavaScript flags from the pattern's leading `(?m)` (`(?i)` and `(?s)` are expanded into the source). */
  readonly flags: string;
  /** Named groups in the order they open: the order of Python's `groupdict()`. */
  readonly groupNames: readonly string[];
  /** Capturing groups, named or not (Python's `.groups`); the synthetic wrappers of `repeated` are not counted. */
  readonly groupCount: number;
  readonly repeated: readonly RepeatedGroup[];
}

const KNOWN_LETTER_ESCAPES = new Set(['b', 'B', 'd', 'D', 'f', 'n', 'r', 's', 'S', 't', 'v', 'w', 'W', 'x', 'u']);
const GLOBAL_FLAGS = /^\(\?([aiLmsux]+)\)/;
/** Enough of a group's opening to recognise it: `(?P<` and a group name of up to 100 characters. */
const GROUP_PREFIX_LENGTH = 110;

interface Scope {
  readonly ignoreCase: boolean;
  readonly dotAll: boolean;
}

/** An open group: its flags, where it starts in the output, and whether a named group is inside it. */
interface OpenGroup extends Scope {
  readonly outStart: number;
  readonly lookbehind: boolean;
  namedInside: boolean;
}

/**
 * A repeated group holding named groups, wrapped in the synthetic group `wrapper`. Python keeps a group's capture
 * from the last repetition in which it took part; JavaScript forgets it at each new repetition. `body` (the group
 * alone) lets the matcher walk the repetitions and restore Python's captures (python-regex.ts).
 */
export interface RepeatedGroup {
  readonly wrapper: string;
  readonly body: string;
  readonly names: readonly string[];
}

export function translatePythonRegex(pattern: string): TranslatedRegex {
  let rest = pattern;
  const globalFlags = new Set<string>();
  for (let flags = GLOBAL_FLAGS.exec(rest); flags; flags = GLOBAL_FLAGS.exec(rest)) {
    for (const flag of flags[1]) globalFlags.add(flag);
    rest = rest.slice(flags[0].length);
  }
  // Case and dot-all are expanded into the pattern, not given as flags: V8's linear-time engine (the runaway bound,
  // python-regex.ts) cannot run a pattern with the `i` flag.
  const translator = new Translator(rest, globalFlags.has('x'), { ignoreCase: globalFlags.has('i'), dotAll: globalFlags.has('s') });
  const source = translator.translate();
  const flags = globalFlags.has('m') ? 'm' : '';
  return { source, flags, groupNames: translator.groupNames, groupCount: translator.groupCount, repeated: translator.repeated };
}

class Translator {
  readonly groupNames: string[] = [];
  readonly repeated: RepeatedGroup[] = [];
  groupCount = 0;
  private out = '';
  private index = 0;
  /** The whole pattern, then one entry per open group. */
  private readonly scopes: OpenGroup[];

  constructor(
    private readonly pattern: string,
    private readonly verbose: boolean,
    outermost: Scope,
  ) {
    this.scopes = [{ ...outermost, outStart: 0, lookbehind: false, namedInside: false }];
  }

  translate(): string {
    const pattern = this.pattern;
    while (this.index < pattern.length) {
      const char = pattern[this.index];
      if (char === '\\') this.escape(false);
      else if (char === '[') this.characterClass();
      else if (char === '(') this.openGroup();
      else if (char === ')') {
        this.closeGroup();
      } else if (char === '{') this.brace();
      else if ((char === '*' || char === '+' || char === '?' || char === '}') && pattern[this.index + 1] === '+' && char !== '+') {
        throw new PythonRegexError(`possessive quantifier ${char}+ at position ${this.index}: JavaScript has none`);
      } else if (char === '+' && pattern[this.index + 1] === '+') {
        throw new PythonRegexError(`possessive quantifier ++ at position ${this.index}: JavaScript has none`);
      } else if (this.verbose && /\s/.test(char)) this.index++;
      else if (this.verbose && char === '#') {
        const end = pattern.indexOf('\n', this.index);
        this.index = end === -1 ? pattern.length : end + 1;
      } else if (char === '.' && this.scope.dotAll) this.emit('[\\s\\S]', 1);
      else this.emit(this.literal(char), 1);
    }
    if (this.scopes.length !== 1) throw new PythonRegexError('missing ), unterminated subpattern');
    return this.out;
  }

  private get scope(): OpenGroup {
    return this.scopes[this.scopes.length - 1];
  }

  private emit(text: string, consumed: number): void {
    this.out += text;
    this.index += consumed;
  }

  /** A letter in a scoped `(?i:...)` matches both cases. */
  private literal(char: string): string {
    if (!this.scope.ignoreCase) return char;
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    return lower === upper ? char : `[${lower}${upper}]`;
  }

  private escape(inClass: boolean): void {
    const next = this.pattern[this.index + 1];
    if (next === undefined) throw new PythonRegexError('bad escape (end of pattern)');
    if (next === 'A' && !inClass) return this.emit('(?<![\\s\\S])', 2);
    if (next === 'Z' && !inClass) return this.emit('(?![\\s\\S])', 2);
    if (next === 'a') return this.emit('\\x07', 2);
    if (next === 'U') {
      const hex = this.pattern.slice(this.index + 2, this.index + 10);
      if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new PythonRegexError(`incomplete escape \\U${hex}`);
      const text = String.fromCodePoint(Number.parseInt(hex, 16));
      return this.emit([...text].map((unit) => escapeCodeUnits(unit)).join(''), 10);
    }
    if (/[a-zA-Z]/.test(next) && !KNOWN_LETTER_ESCAPES.has(next)) {
      throw new PythonRegexError(`bad escape \\${next} at position ${this.index}`);
    }
    if (/[a-zA-Z]/.test(next) || /[0-9]/.test(next)) return this.emit(`\\${next}`, 2);
    // Any other character escaped is itself, in both languages (without JavaScript's `u` flag).
    this.emit(`\\${next}`, 2);
  }

  private characterClass(): void {
    const pattern = this.pattern;
    this.emit('[', 1);
    if (pattern[this.index] === '^') this.emit('^', 1);
    // Python takes a `]` right after `[` or `[^` as a literal; JavaScript would end an empty class there.
    if (pattern[this.index] === ']') this.emit('\\]', 1);
    while (this.index < pattern.length && pattern[this.index] !== ']') {
      const char = pattern[this.index];
      if (char === '\\') this.escape(true);
      else if (char === '[') this.emit('\\[', 1);
      else if (this.scope.ignoreCase && char.toLowerCase() !== char.toUpperCase()) {
        const range = /^(\w)-(\w)/.exec(pattern.slice(this.index, this.index + 3));
        if (range) this.emit(caseInsensitiveRange(range[1], range[2]), 3);
        else this.emit(char.toLowerCase() + char.toUpperCase(), 1);
      } else this.emit(char, 1);
    }
    if (this.index >= pattern.length) throw new PythonRegexError('unterminated character set');
    this.emit(']', 1);
  }

  private openGroup(): void {
    const pattern = this.pattern;
    if (pattern[this.index + 1] !== '?') {
      this.groupCount++;
      this.open();
      return this.emit('(', 1);
    }
    const after = pattern.slice(this.index + 1, this.index + 1 + GROUP_PREFIX_LENGTH);
    const named = /^\?P<([^>]*)>/.exec(after);
    if (named) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(named[1])) throw new PythonRegexError(`bad character in group name '${named[1]}'`);
      if (this.groupNames.includes(named[1])) throw new PythonRegexError(`redefinition of group name '${named[1]}'`);
      this.groupNames.push(named[1]);
      this.groupCount++;
      this.open();
      this.scopes.forEach((group) => (group.namedInside = true));
      return this.emit(`(?<${named[1]}>`, 1 + named[0].length);
    }
    const reference = /^\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(after);
    if (reference) {
      if (!this.groupNames.includes(reference[1])) throw new PythonRegexError(`unknown group name '${reference[1]}'`);
      return this.emit(`\\k<${reference[1]}>`, 1 + reference[0].length);
    }
    if (after.startsWith('?#')) {
      const end = pattern.indexOf(')', this.index);
      if (end === -1) throw new PythonRegexError('missing ), unterminated comment');
      this.index = end + 1;
      return;
    }
    const plain = /^\?(:|=|!|<=|<!)/.exec(after);
    if (plain) {
      this.open(plain[1] === '<=' || plain[1] === '<!');
      return this.emit(`(${plain[0]}`, 1 + plain[0].length);
    }
    const scoped = /^\?([aiLmsux]*)(?:-([imsx]+))?:/.exec(after);
    if (scoped) return this.scopedFlags(scoped[1], scoped[2] ?? '', 1 + scoped[0].length);
    if (/^\?[aiLmsux]+\)/.test(after)) throw new PythonRegexError(`global flags not at the start of the expression at position ${this.index}`);
    throw new PythonRegexError(`unsupported group (${after.slice(0, 3)} at position ${this.index}: JavaScript has no equivalent`);
  }

  private scopedFlags(on: string, off: string, consumed: number): void {
    if (/[mx]/.test(on + off)) throw new PythonRegexError(`scoped flags (?${on}${off ? `-${off}` : ''}:...) are not supported`);
    const ignoreCase = on.includes('i') ? true : off.includes('i') ? false : this.scope.ignoreCase;
    const dotAll = on.includes('s') ? true : off.includes('s') ? false : this.scope.dotAll;
    this.scopes.push({ ignoreCase, dotAll, outStart: this.out.length, lookbehind: false, namedInside: false });
    this.emit('(?:', consumed);
  }

  private open(lookbehind = false): void {
    this.scopes.push({ ignoreCase: this.scope.ignoreCase, dotAll: this.scope.dotAll, outStart: this.out.length, lookbehind, namedInside: false });
  }

  private closeGroup(): void {
    if (this.scopes.length === 1) throw new PythonRegexError(`unbalanced parenthesis at position ${this.index}`);
    const group = this.scopes.pop() as OpenGroup;
    this.emit(')', 1);
    const quantifier = /^(?:[*+?]|\{\d*(?:,\d*)?\})\??/.exec(this.pattern.slice(this.index, this.index + 24));
    if (!quantifier) return;
    const repeats = !quantifier[0].startsWith('?') && !/^\{[01]?(,[01])?\}/.test(quantifier[0]);
    const translatedQuantifier = quantifier[0].replace(/^\{,/, '{0,');
    if (group.lookbehind) {
      // Python repeats a lookbehind; JavaScript only a group around it (the same: a zero-width test).
      this.out = `${this.out.slice(0, group.outStart)}(?:${this.out.slice(group.outStart)})`;
    } else if (group.namedInside && repeats) {
      const body = this.out.slice(group.outStart);
      const wrapper = `__repeated${this.repeated.length}`;
      const names = this.groupNames.filter((name) => body.includes(`(?<${name}>`));
      this.repeated.push({ wrapper, body, names });
      this.out = `${this.out.slice(0, group.outStart)}(?<${wrapper}>${body}${translatedQuantifier})`;
      this.index += quantifier[0].length;
      return;
    }
    this.emit(translatedQuantifier, quantifier[0].length);
  }

  private brace(): void {
    // Python reads `{,n}` as `{0,n}`; JavaScript (without `u`) as the literal text.
    const quantifier = /^\{,(\d+)\}/.exec(this.pattern.slice(this.index, this.index + 24));
    if (quantifier) return this.emit(`{0,${quantifier[1]}}`, quantifier[0].length);
    this.emit('{', 1);
  }
}

function escapeCodeUnits(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) out += `\\u${text.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return out;
}

/** `a-f` in a case-insensitive class: both the range and its other case. */
function caseInsensitiveRange(from: string, to: string): string {
  const lower = `${from.toLowerCase()}-${to.toLowerCase()}`;
  const upper = `${from.toUpperCase()}-${to.toUpperCase()}`;
  return lower === upper ? `${from}-${to}` : `${lower}${upper}`;
}
