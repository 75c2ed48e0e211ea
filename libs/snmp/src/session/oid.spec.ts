import { compareOids, isUnder, suffixOf } from './oid';

describe('OIDs', () => {
  it('compares sub-identifiers as numbers, a prefix before its children', () => {
    expect(compareOids('1.3.6.1.2.1.2.2.1.2.10', '1.3.6.1.2.1.2.2.1.2.9')).toBeGreaterThan(0);
    expect(compareOids('1.3.6.1.2', '1.3.6.1.2.1')).toBeLessThan(0);
    expect(compareOids('1.3.6', '1.3.6')).toBe(0);
  });

  it('tells a subtree member from a sibling that shares a text prefix', () => {
    expect(isUnder('1.3.6.1.2.1.2', '1.3.6.1.2.1.2.2.1.1.1')).toBe(true);
    expect(isUnder('1.3.6.1.2.1.2', '1.3.6.1.2.1.25.1')).toBe(false);
    expect(suffixOf('1.3.6.1.2.1.4.22.1.2', '1.3.6.1.2.1.4.22.1.2.3.10.0.0.1')).toEqual([3, 10, 0, 0, 1]);
  });
});
