import { stringVariableType, textVariableType } from './string.variable-type';

const base = { label: '', description: '', required: true } as const;

describe('string and text variable types', () => {
  const bounded = stringVariableType.define('stringVar', { minLength: 2, maxLength: 3, regex: '[a-z😀]+' });

  it.each([
    ['a number', 5, 'must be a string'],
    ['too short', 'a', 'must be at least 2 characters long'],
    ['too long', 'abcd', 'must be at most 3 characters long'],
    ['off the pattern', 'AB', 'must match [a-z😀]+'],
    // Shorter than 2 and off the pattern: the length is what the check always named first.
    ['short and off the pattern', 'A', 'must be at least 2 characters long'],
  ])('refuses %s with the message it always gave', (_case, value, message) => {
    expect(stringVariableType.check(bounded, value)).toEqual({ ok: false, message });
  });

  it('counts code points, as JSON Schema does: two emoji are two characters', () => {
    expect(stringVariableType.check(bounded, '😀😀')).toEqual({ ok: true, value: '😀😀' });
  });

  it.each([
    [{ regex: /a/i }, 'stringVar: regex flags are not supported (got /a/i); write the pattern without them'],
    [{ regex: '(' }, 'stringVar: regex "(" is not a valid Unicode regular expression'],
    [{ minLength: -1 }, 'stringVar: minLength must be a whole number, at least 0, got -1'],
    [{ minLength: 3, maxLength: 2 }, 'stringVar: minLength (3) is greater than maxLength (2)'],
  ])('refuses the options %p', (options, message) => {
    expect(() => stringVariableType.define('stringVar', options)).toThrow(message);
  });

  it('keeps a RegExp as its source, and leaves absent options out', () => {
    expect(stringVariableType.define('stringVar', { regex: /\d+/ })).toEqual({ type: 'string', ...base, regex: '\\d+' });
  });

  it('needs one character in its schema when it must be given; text is shown in a text area', () => {
    expect(stringVariableType.jsonSchema({ type: 'string', ...base }, true)).toEqual({ type: 'string', minLength: 1 });
    expect(stringVariableType.jsonSchema({ type: 'string', ...base }, false)).toEqual({ type: 'string' });
    expect(textVariableType.jsonSchema({ type: 'text', ...base, regex: 'x' }, false)).toEqual({ type: 'string', pattern: '^(?:x)$', 'x-widget': 'textarea' });
  });

  it('reads a --data value as text', () => {
    expect([stringVariableType.cliValueKind, textVariableType.cliValueKind]).toEqual(['string', 'string']);
  });
});
