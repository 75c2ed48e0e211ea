import { booleanVariableType } from './boolean.variable-type';

describe('boolean variable type', () => {
  it('is never required and defaults to false', () => {
    expect(booleanVariableType.define('booleanVar', { required: true })).toEqual({ type: 'boolean', label: '', description: '', required: false, default: false });
  });

  it('cannot be sensitive', () => {
    expect(() => booleanVariableType.define('booleanVar', { sensitive: true })).toThrow('booleanVar: a boolean cannot be sensitive; use a choiceVar or a stringVar');
  });

  it.each([[true], [false]])('accepts %p', (value) => {
    expect(booleanVariableType.check(booleanVariableType.define('booleanVar', {}), value)).toEqual({ ok: true, value });
  });

  it.each([['true'], [1], [null]])('refuses %p', (value) => {
    expect(booleanVariableType.check(booleanVariableType.define('booleanVar', {}), value)).toEqual({ ok: false, message: 'must be true or false' });
  });

  it('reads --data as yes/no words', () => {
    expect(booleanVariableType.cliValueKind).toBe('boolean');
  });
});
