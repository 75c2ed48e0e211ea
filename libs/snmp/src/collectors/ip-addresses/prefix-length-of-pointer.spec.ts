import { prefixLengthOfPointer } from './collect-ip-addresses';

describe('prefixLengthOfPointer', () => {
  it('reads the prefix length at the end of an ipAddressPrefixEntry pointer', () => {
    expect(prefixLengthOfPointer('1.3.6.1.2.1.4.32.1.5.12.1.4.10.0.0.0.24', 4)).toBe(24);
    expect(prefixLengthOfPointer('1.3.6.1.2.1.4.32.1.5.3.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.0.64', 6)).toBe(64);
  });

  it('gives null for the null pointer and for lengths the family cannot have', () => {
    expect(prefixLengthOfPointer('0.0', 4)).toBeNull();
    expect(prefixLengthOfPointer(null, 6)).toBeNull();
    expect(prefixLengthOfPointer('1.3.6.1.2.1.4.32.1.5.1.1.4.10.0.0.0.64', 4)).toBeNull();
  });
});
