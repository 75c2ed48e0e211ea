import { addressWithPrefix, canonicalMac, integerIn, prefixOfMask, speedKbps, uptimeSeconds, vlanId } from './values';

describe('canonicalMac', () => {
  it.each([
    ['0010.0de0.e289', '00:10:0d:e0:e2:89'],
    ['00:10:0D:E0:E2:89', '00:10:0d:e0:e2:89'],
    ['00-10-0d-e0-e2-89', '00:10:0d:e0:e2:89'],
  ])('reads %s', (text, mac) => expect(canonicalMac(text)).toBe(mac));

  it.each(['', 'Incomplete', '0010.0de0.e28', 'zz10.0de0.e289'])('answers null for %j', (text) => expect(canonicalMac(text)).toBeNull());
});

describe('speedKbps', () => {
  it.each([
    ['1000000 Kbit', 1_000_000],
    ['10000000 kbit', 10_000_000],
    ['100 Mb/s', 100_000],
    ['10 Gbps', 10_000_000],
    ['1000Mbps', 1_000_000],
  ])('reads %s', (text, kbps) => expect(speedKbps(text)).toBe(kbps));

  it.each(['', 'Auto-speed', 'unknown'])('answers null for %j', (text) => expect(speedKbps(text)).toBeNull());
});

describe('uptimeSeconds', () => {
  it('reads IOS, NX-OS and EOS wordings', () => {
    expect(uptimeSeconds('2 years, 31 weeks, 6 days, 9 hours, 55 minutes')).toBe(2 * 31_536_000 + 31 * 604_800 + 6 * 86_400 + 9 * 3_600 + 55 * 60);
    expect(uptimeSeconds('123 day(s), 5 hour(s), 15 minute(s), 19 second(s)')).toBe(123 * 86_400 + 5 * 3_600 + 15 * 60 + 19);
    expect(uptimeSeconds('1 hour and 5 minutes')).toBe(3_900);
  });

  it('answers null when no unit is named', () => expect(uptimeSeconds('')).toBeNull());
});

describe('addresses', () => {
  it('joins an address and its prefix length, or reads one written together', () => {
    expect(addressWithPrefix('10.0.0.1', '24')).toBe('10.0.0.1/24');
    expect(addressWithPrefix('10.0.0.1/32')).toBe('10.0.0.1/32');
    expect(addressWithPrefix('2001:DB8::1', 64)).toBe('2001:db8::1/64');
  });

  it.each([
    ['10.0.0.1', undefined],
    ['10.0.0.1', '33'],
    ['unassigned', '24'],
    ['2001:db8::1', '129'],
  ])('answers null for %s / %s', (ip, length) => expect(addressWithPrefix(ip, length)).toBeNull());

  it('reads dotted masks', () => {
    expect(prefixOfMask('255.255.255.0')).toBe(24);
    expect(prefixOfMask('255.255.255.255')).toBe(32);
    expect(prefixOfMask('0.0.0.0')).toBe(0);
    expect(prefixOfMask('255.0.255.0')).toBeNull();
  });
});

describe('small numbers', () => {
  it('reads the first integer', () => {
    expect(integerIn('1514')).toBe(1514);
    expect(integerIn('Unlimited')).toBeNull();
  });

  it('keeps VLAN ids in 1-4094 only', () => {
    expect(vlanId('100')).toBe(100);
    expect(vlanId('0')).toBeNull();
    expect(vlanId('4095')).toBeNull();
    expect(vlanId('default')).toBeNull();
  });
});
