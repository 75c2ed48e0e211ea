import { requiredLiteral } from './required-literal';

describe('requiredLiteral', () => {
  it('finds the longest literal run of the top-level sequence, escapes of punctuation included', () => {
    expect(requiredLiteral('^\\s*Interface\\s+(?<A>\\S+)\\s+is\\s+(?<B>up|down)')).toBe('Interface');
    expect(requiredLiteral('^Hardware is\\: (?<HW>.+)')).toBe('Hardware is: ');
  });

  it('drops an atom that may be absent, and stops at classes, groups, anchors and escapes of classes', () => {
    expect(requiredLiteral('^abcd?')).toBe('abc');
    expect(requiredLiteral('^Loads*x')).toBe('Load');
    expect(requiredLiteral('^ab[cd]efg')).toBe('efg');
    expect(requiredLiteral('^a\\dbcd')).toBe('bcd');
    expect(requiredLiteral('^ab(cdefgh)?ij')).toBeNull();
    expect(requiredLiteral('^\\s+(?:\\S+\\s+){1,3}bit')).toBe('bit');
    expect(requiredLiteral('^xa{0,2}$')).toBeNull();
  });

  it('never takes the digits of \\x, \\u, backreferences or \\k<name> as text', () => {
    expect(requiredLiteral('^a\\x20bc')).toBeNull();
    expect(requiredLiteral('(?<n>x)\\k<name>yz')).toBeNull();
    expect(requiredLiteral('(x)\\1234')).toBeNull();
  });

  it('gives null for a top-level alternation and for short runs', () => {
    expect(requiredLiteral('^Interface|^Port')).toBeNull();
    expect(requiredLiteral('^ab\\s+cd')).toBeNull();
  });
});
