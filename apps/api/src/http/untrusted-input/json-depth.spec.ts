import { ErrorCode } from '@yardmaster/contracts';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepError } from './json-depth';

function nested(levels: number, open: '[' | '{' = '['): unknown {
  const text = open === '[' ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
  return JSON.parse(text) as unknown;
}

describe('nestsDeeperThan', () => {
  it('counts objects and arrays as levels, scalars as none', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [1] }, 2)).toBe(false);
    expect(nestsDeeperThan({ a: [[1]] }, 2)).toBe(true);
  });

  it('takes 64 levels and refuses 65, arrays and objects alike', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(nestsDeeperThan(nested(64), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(65), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(nested(64, '{'), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(65, '{'), MAX_JSON_DEPTH)).toBe(true);
  });

  it('judges 10,000 levels without a RangeError', () => {
    expect(nestsDeeperThan(nested(10_000), MAX_JSON_DEPTH)).toBe(true);
  });

  it('finds a deep branch beside shallow ones', () => {
    expect(nestsDeeperThan({ a: 1, b: [2, 3], c: { d: nested(70) } }, MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('tooDeepError', () => {
  it('is MALFORMED_REQUEST, naming the form field when there is one', () => {
    expect(tooDeepError()).toMatchObject({ code: ErrorCode.MalformedRequest, fieldErrors: undefined });
    expect(tooDeepError('data')).toMatchObject({ code: ErrorCode.MalformedRequest, fieldErrors: [{ field: 'data', message: 'must nest at most 64 levels deep' }] });
  });
});
