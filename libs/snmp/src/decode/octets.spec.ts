import { asMac, asNumber, asText, macFromOctets } from './octets';

describe('octet-string decoding', () => {
  it('writes a MAC address in canonical lower-case colon form', () => {
    expect(asMac(Buffer.from([0x00, 0x1b, 0x2b, 0xab, 0xcd, 0xef]))).toBe('00:1b:2b:ab:cd:ef');
    expect(macFromOctets([0, 0x50, 0x56, 1, 2, 255])).toBe('00:50:56:01:02:ff');
  });

  it('gives no MAC for all zeros, a wrong length or a non-octet value', () => {
    expect(asMac(Buffer.alloc(6))).toBeNull();
    expect(asMac(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]))).toBeNull();
    expect(asMac(Buffer.alloc(0))).toBeNull();
    expect(asMac(42)).toBeNull();
    expect(macFromOctets([1, 2, 3, 4, 5, 256])).toBeNull();
  });

  it('reads DisplayStrings as UTF-8, falling back to Latin-1, without trailing padding', () => {
    expect(asText(Buffer.from('GigabitEthernet0/1\0\0'))).toBe('GigabitEthernet0/1');
    expect(asText(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
    expect(asText(Buffer.from('Überblick', 'utf8'))).toBe('Überblick');
    expect(asText(7)).toBeNull();
  });

  it('reads numbers, Counter64 buffers and bigints, and refuses the rest', () => {
    expect(asNumber(1500)).toBe(1500);
    expect(asNumber(Buffer.from([0x02, 0x54, 0x0b, 0xe4, 0x00]))).toBe(10_000_000_000);
    expect(asNumber(BigInt(5))).toBe(5);
    expect(asNumber(Buffer.from('abc'))).toBe(0x616263);
    expect(asNumber('12')).toBeNull();
    expect(asNumber(Buffer.alloc(9))).toBeNull();
  });
});
