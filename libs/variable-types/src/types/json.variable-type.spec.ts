import { jsonVariableType } from './json.variable-type';

const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

describe('json variable type', () => {
  const json = jsonVariableType.define('jsonVar', {});
  const message = 'must be a JSON value: no undefined, functions, NaN, Infinity, class instances or cycles';

  it.each([[{ a: [1, 'x', null, true] }], [[]], [0], ['text'], [Object.assign(Object.create(null) as object, { a: 1 })]])('accepts %p', (value) => {
    expect(jsonVariableType.check(json, value)).toEqual({ ok: true, value });
  });

  it.each([[{ a: undefined }], [[Number.NaN]], [() => 1], [new Date(0)], [cyclic], [[, 1]]])('refuses %p', (value) => {
    expect(jsonVariableType.check(json, value)).toEqual({ ok: false, message });
  });

  it('accepts a value seen twice that is not a cycle', () => {
    const shared = { a: 1 };
    expect(jsonVariableType.check(json, [shared, shared])).toMatchObject({ ok: true });
  });

  it('refuses null and "" in its schema only when it must be given; reads --data as JSON', () => {
    expect(jsonVariableType.jsonSchema(json, true)).toEqual({ not: { enum: [null, ''] }, 'x-widget': 'json' });
    expect(jsonVariableType.jsonSchema(json, false)).toEqual({ 'x-widget': 'json' });
    expect(jsonVariableType.cliValueKind).toBe('json');
  });
});
