import { integerVariableType } from './integer.variable-type';

describe('integer variable type', () => {
  const bounded = integerVariableType.define('integerVar', { minValue: 1, maxValue: 10 });

  it.each([
    ['a fraction', 1.5, 'must be a whole number'],
    ['text', '3', 'must be a whole number'],
    ['NaN', Number.NaN, 'must be a whole number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'must be a whole number'],
    ['below the minimum', 0, 'must be at least 1'],
    ['above the maximum', 11, 'must be at most 10'],
  ])('refuses %s', (_case, value, message) => {
    expect(integerVariableType.check(bounded, value)).toEqual({ ok: false, message });
  });

  it('accepts a whole number within the bounds', () => {
    expect(integerVariableType.check(bounded, 10)).toEqual({ ok: true, value: 10 });
  });

  it('says its bounds in the schema, and reads --data as a whole number', () => {
    expect(integerVariableType.jsonSchema(bounded, true)).toEqual({ type: 'integer', minimum: 1, maximum: 10 });
    expect(integerVariableType.cliValueKind).toBe('integer');
  });
});
