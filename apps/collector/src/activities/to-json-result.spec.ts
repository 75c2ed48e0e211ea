import { toJsonResult } from './to-json-result';

describe('toJsonResult', () => {
  it('turns undefined into null', () => {
    expect(toJsonResult(undefined)).toBeNull();
  });

  it.each([[null], [0], ['text'], [false], [[1, 'two', null]], [{ a: { b: [true] } }]])('keeps %p as it is', (value) => {
    expect(toJsonResult(value)).toEqual(value);
  });

  it('returns a copy, not the object the job still holds', () => {
    const value = { nested: { list: [1] } };
    const result = toJsonResult(value) as { nested: { list: number[] } };
    value.nested.list.push(2);
    expect(result).toEqual({ nested: { list: [1] } });
  });

  it('converts what JSON converts: dates to strings, undefined members dropped, NaN to null', () => {
    const date = new Date('2024-01-02T03:04:05.000Z');
    expect(toJsonResult({ when: date, gone: undefined, nan: Number.NaN, list: [undefined] })).toEqual({
      when: '2024-01-02T03:04:05.000Z',
      nan: null,
      list: [null],
    });
  });

  it.each([[() => 1], [Symbol('s')]])('rejects %p, which JSON cannot carry', (value) => {
    expect(() => toJsonResult(value)).toThrow(new TypeError('The job returned a value that is not JSON'));
  });

  it('lets JSON.stringify errors through, e.g. for a cycle or a bigint', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJsonResult(cyclic)).toThrow(TypeError);
    expect(() => toJsonResult(10n)).toThrow(TypeError);
  });
});
