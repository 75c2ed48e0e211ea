import { fieldsHoldingNul } from './nul-characters';

describe('fieldsHoldingNul', () => {
  it('finds none in clean text, numbers, booleans and null', () => {
    expect(fieldsHoldingNul({ data: { name: 'yard', count: 3, ok: true, note: null }, tags: ['a', 'b'] }, '')).toEqual([]);
    expect(fieldsHoldingNul('plain', 'query.jobId')).toEqual([]);
    expect(fieldsHoldingNul(undefined, '')).toEqual([]);
  });

  it('names a string holding NUL anywhere in it, at any depth, as field errors name fields', () => {
    expect(fieldsHoldingNul({ data: { name: 'a\u0000b', count: 1 } }, '')).toEqual(['data.name']);
    expect(fieldsHoldingNul('\u0000', 'path.username')).toEqual(['path.username']);
    expect(fieldsHoldingNul({ jobId: 'x', tag: ['ok', 'end\u0000'] }, 'query')).toEqual(['query.tag[1]']);
    expect(fieldsHoldingNul({ a: { b: [{ c: 'd\u0000' }] } }, '')).toEqual(['a.b[0].c']);
  });

  it('names every such field, once each', () => {
    expect(fieldsHoldingNul({ name: '\u0000', description: 'x\u0000', ok: 'fine' }, '')).toEqual(['description', 'name']);
  });

  it('finds NUL in a key, and writes it as \\u0000 in the name', () => {
    expect(fieldsHoldingNul({ data: { 'a\u0000b': 1 } }, '')).toEqual(['data.a\\u0000b']);
  });

  it('walks a value nested far deeper than the call stack allows for recursion', () => {
    let value: unknown = 'deep\u0000';
    for (let level = 0; level < 100_000; level += 1) value = [value];

    expect(fieldsHoldingNul(value, 'data')).toEqual([`data${'[0]'.repeat(100_000)}`]);
  });

  it('finds NUL in an object without a prototype, as the query string parser makes them', () => {
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { jobId: 'a\u0000b' });

    expect(fieldsHoldingNul(query, 'query')).toEqual(['query.jobId']);
  });
});
