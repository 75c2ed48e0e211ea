import { hasError, schemaErrors } from './schema-errors';

describe('schemaErrors', () => {
  it('reports every error, at its place', () => {
    const errors = schemaErrors({ type: 'array', items: { type: 'string' }, maxItems: 1 }, ['a', 2]);
    expect(errors.map((error) => [error.keyword, error.instancePath]).sort()).toEqual([
      ['maxItems', ''],
      ['type', '/1'],
    ]);
    expect(hasError(errors, 'type')).toBe(false);
    expect(hasError(errors, 'type', 'inside')).toBe(true);
  });

  it('knows the form hints, and still refuses a keyword it does not know (a typo in a type module)', () => {
    expect(schemaErrors({ type: 'string', 'x-widget': 'textarea', 'x-order': 1 }, 'a')).toEqual([]);
    expect(() => schemaErrors({ type: 'string', minLenght: 1 }, 'a')).toThrow(/unknown keyword/);
  });

  it('does not take NaN or Infinity for numbers', () => {
    expect(schemaErrors({ type: 'number' }, Number.NaN)).toHaveLength(1);
    expect(schemaErrors({ type: 'number' }, Number.POSITIVE_INFINITY)).toHaveLength(1);
  });
});
