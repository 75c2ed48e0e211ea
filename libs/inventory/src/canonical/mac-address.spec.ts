import { canonicalMacAddress, macAddressFromBytes } from './mac-address';

describe('canonicalMacAddress', () => {
  it.each([
    ['aa:bb:cc:dd:ee:ff', 'aa:bb:cc:dd:ee:ff'],
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['AA-BB-CC-DD-EE-FF', 'aa:bb:cc:dd:ee:ff'],
    ['AABB.CCDD.EEFF', 'aa:bb:cc:dd:ee:ff'],
    ['0019.0690.4f40', '00:19:06:90:4f:40'],
    ['aabb-ccdd-eeff', 'aa:bb:cc:dd:ee:ff'],
    ['aabbccddeeff', 'aa:bb:cc:dd:ee:ff'],
    ['0:1c:42:a:b:c', '00:1c:42:0a:0b:0c'],
    ['  00:11:22:33:44:55 ', '00:11:22:33:44:55'],
  ])('reads %s as %s', (text, canonical) => {
    expect(canonicalMacAddress(text)).toBe(canonical);
  });

  it.each([
    [''],
    ['aa:bb:cc:dd:ee'],
    ['aa:bb:cc:dd:ee:ff:00'],
    ['aa:bb-cc:dd:ee:ff'],
    ['gg:bb:cc:dd:ee:ff'],
    ['aabb.ccdd.eef'],
    ['aabbccddeef'],
    ['aaa:bb:cc:dd:ee:ff'],
    ['aa bb cc dd ee ff'],
  ])('refuses %j', (text) => {
    expect(canonicalMacAddress(text)).toBeNull();
  });
});

describe('macAddressFromBytes', () => {
  it('writes six bytes as lower-case pairs', () => {
    expect(macAddressFromBytes(Uint8Array.from([0x00, 0x1b, 0x2c, 0xa0, 0x0f, 0xff]))).toBe('00:1b:2c:a0:0f:ff');
  });

  it('answers null for any other length', () => {
    expect(macAddressFromBytes([])).toBeNull();
    expect(macAddressFromBytes([1, 2, 3, 4, 5, 6, 7, 8])).toBeNull();
  });
});
