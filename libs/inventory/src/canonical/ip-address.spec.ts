import { canonicalIpAddress, canonicalIpPrefix, hostOf, ipAddressFromBytes } from './ip-address';

describe('canonicalIpPrefix', () => {
  it.each([
    ['10.0.0.1/24', '10.0.0.1/24'],
    [' 192.0.2.10/32 ', '192.0.2.10/32'],
    ['2001:DB8::1/64', '2001:db8::1/64'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001/128', '2001:db8::1/128'],
    ['2001:db8:0:0:1:0:0:1/64', '2001:db8::1:0:0:1/64'],
    ['::FFFF:192.0.2.1/96', '::ffff:192.0.2.1/96'],
  ])('reads %s as %s', (text, canonical) => {
    expect(canonicalIpPrefix(text)).toBe(canonical);
  });

  it.each([['10.0.0.1'], ['10.0.0.1/33'], ['2001:db8::1/129'], ['10.0.0.256/24'], ['fe80::1%eth0/64'], ['10.0.0.1/24/1']])('refuses %j', (text) => {
    expect(canonicalIpPrefix(text)).toBeNull();
  });
});

describe('canonicalIpAddress', () => {
  it('reads an address without prefix length', () => {
    expect(canonicalIpAddress('10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIpAddress('FE80:0:0:0:0:0:0:1')).toBe('fe80::1');
  });

  it('refuses a prefix or text that is no address', () => {
    expect(canonicalIpAddress('10.0.0.1/24')).toBeNull();
    expect(canonicalIpAddress('switch-1')).toBeNull();
  });
});

describe('ipAddressFromBytes', () => {
  it('writes 4 bytes as IPv4 and 16 as canonical IPv6', () => {
    expect(ipAddressFromBytes([10, 0, 0, 1])).toBe('10.0.0.1');
    expect(ipAddressFromBytes(Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('2001:db8::1');
  });

  it('answers null for other lengths and for values that are no bytes', () => {
    expect(ipAddressFromBytes([10, 0, 0])).toBeNull();
    expect(ipAddressFromBytes([10, 0, 0, 256])).toBeNull();
    expect(ipAddressFromBytes(new Array(20).fill(0))).toBeNull();
  });
});

describe('hostOf', () => {
  it('drops the prefix length', () => {
    expect(hostOf('2001:db8::1/64')).toBe('2001:db8::1');
  });
});
