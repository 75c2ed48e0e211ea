import { compilePythonRegex, matchAtStart } from './python-regex';
import { PythonRegexError, translatePythonRegex } from './translate-python-regex';

/** Python's `re.match(pattern, text)`: the named groups, or null. */
const match = (pattern: string, text: string) => {
  const found = matchAtStart(compilePythonRegex(pattern), text);
  return found === null ? null : { text: found[0], groups: { ...found.groups } };
};

describe('translatePythonRegex', () => {
  it('renames (?P<name>...) and (?P=name), listing the names in order and counting every group', () => {
    const translated = translatePythonRegex('(?P<a>\\w+)-(x)(?P<b>\\d)(?P=a)');
    expect(translated.source).toBe('(?<a>\\w+)-(x)(?<b>\\d)\\k<a>');
    expect(translated.groupNames).toEqual(['a', 'b']);
    expect(translated.groupCount).toBe(3);
    expect(match('(?P<a>\\w+)-(?P=a)', 'ab-ab')?.groups).toEqual({ a: 'ab' });
    expect(match('(?P<a>\\w+)-(?P=a)$', 'ab-cd')).toBeNull();
  });

  it("anchors at the start only, like re.match", () => {
    expect(match('b', 'abc')).toBeNull();
    expect(match('a', 'abc')?.text).toBe('a');
  });

  it('applies leading inline flags: (?i) and (?s) in the pattern, (?m) as a flag, (?x) removes white space and comments', () => {
    expect(match('(?i)show (?P<v>VERSION)', 'SHOW version')?.groups).toEqual({ v: 'version' });
    expect(translatePythonRegex('(?i)a[b-c]').source).toBe('[aA][b-cB-C]');
    expect(translatePythonRegex('(?m)^a$').flags).toBe('m');
    expect(match('(?s)a.b', 'a\nb')?.text).toBe('a\nb');
    expect(match('(?x) a \\  b  # a comment', 'a b')?.text).toBe('a b');
  });

  it('expands scoped flags (?i:...) and (?-i:...) that Node 20 lacks', () => {
    expect(match('(?i:up)-down', 'UP-down')?.text).toBe('UP-down');
    expect(match('(?i:up)-down', 'UP-DOWN')).toBeNull();
    expect(match('(?i)a(?-i:b)', 'Ab')?.text).toBe('Ab');
    expect(match('(?i)a(?-i:b)', 'AB')).toBeNull();
  });

  it('translates \\A, \\Z, \\a, \\U, comments and {,n}', () => {
    expect(match('\\Aab\\Z', 'ab')?.text).toBe('ab');
    expect(match('ab\\Z', 'abc')).toBeNull();
    expect(match('\\a', '\x07')?.text).toBe('\x07');
    expect(match('\\U0001F600', '\u{1F600}')?.text).toBe('\u{1F600}');
    expect(match('a(?#ignored)b', 'ab')?.text).toBe('ab');
    expect(match('a{,2}$', 'aa')?.text).toBe('aa');
    expect(match('a{,2}$', 'aaa')).toBeNull();
  });

  it("keeps Python's character classes: ']' first is a literal, '[' inside is a literal", () => {
    expect(match('[]x]+', ']x]')?.text).toBe(']x]');
    expect(match('[^]]+', 'ab]')?.text).toBe('ab');
    expect(match('[[]', '[')?.text).toBe('[');
  });

  it('repeats a lookbehind as Python does (JavaScript only quantifies a group around it)', () => {
    expect(match('\\w+(?<=[^()\\s])+ x', 'ab x')?.text).toBe('ab x');
  });

  it('keeps what a group captured in an earlier repetition, as Python does', () => {
    // ntc-templates' cisco_nxos_show_lldp_neighbors: `(${CAPABILITIES}?\s)+`.
    expect(match('(?P<N>\\S+)\\s+((?P<CAPS>\\w+)?\\s)+\\s+(?P<P>\\S+)', 'sw1  BR   Eth1/1')?.groups).toMatchObject({ N: 'sw1', CAPS: 'BR', P: 'Eth1/1' });
    expect(match('((?P<X>\\d)|-)+$', '1-2--')?.groups).toMatchObject({ X: '2' });
    expect(match('((?P<X>\\d)|-)+$', '---')?.groups).toMatchObject({ X: undefined });
  });

  it('refuses what Python refuses, and what JavaScript cannot express', () => {
    for (const pattern of ['\\q', 'a(?i)b', 'a*+', '(?>a)', '(?P<a>x)(?P<a>y)', '(?P=nope)', '(a', 'a)', '[ab']) {
      expect(() => compilePythonRegex(pattern)).toThrow(PythonRegexError);
    }
  });
});
