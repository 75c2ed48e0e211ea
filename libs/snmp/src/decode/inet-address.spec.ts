import { asIpv4, decodeInetAddress, formatIpv6, inetAddressFromIndex, prefixLengthOfMask } from './inet-address';

describe('InetAddress decoding', () => {
  it('writes IPv6 per RFC 5952: longest zero run compressed, first when tied, single zeros kept', () => {
    expect(formatIpv6([0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 1])).toBe('2001:db8::1');
    expect(formatIpv6([0xfe, 0x80, ...Array(6).fill(0), 0x02, 0x1b, 0x2b, 0xff, 0xfe, 0xab, 0xcd, 0xef])).toBe('fe80::21b:2bff:feab:cdef');
    expect(formatIpv6([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0])).toBe('2001:db8:0:1::1:0');
    expect(formatIpv6([0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1])).toBe('2001:0:0:1::1');
    expect(formatIpv6(Array(16).fill(0))).toBe('::');
  });

  it('decodes typed addresses and refuses wrong lengths and DNS names', () => {
    expect(decodeInetAddress(1, [10, 0, 0, 1])).toEqual({ address: '10.0.0.1', family: 4 });
    expect(decodeInetAddress(3, [10, 0, 0, 1, 0, 0, 0, 3])).toEqual({ address: '10.0.0.1', family: 4 });
    expect(decodeInetAddress(2, [0xfe, 0x80, ...Array(13).fill(0), 1])).toEqual({ address: 'fe80::1', family: 6 });
    expect(decodeInetAddress(1, [10, 0, 0])).toBeNull();
    expect(decodeInetAddress(16, [0x61])).toBeNull();
  });

  it('finds a length-prefixed address in a table index, and one whose agent left the length out', () => {
    expect(inetAddressFromIndex([7, 1, 4, 192, 168, 1, 5], 1)).toEqual({ decoded: { address: '192.168.1.5', family: 4 }, next: 7 });
    expect(inetAddressFromIndex([1, 192, 168, 1, 5], 0)).toEqual({ decoded: { address: '192.168.1.5', family: 4 }, next: 5 });
    expect(inetAddressFromIndex([2, 16, 0x20, 1, ...Array(14).fill(0)], 0)?.decoded.address).toBe('2001::');
    expect(inetAddressFromIndex([1, 4, 10], 0)).toBeNull();
    expect(inetAddressFromIndex([9, 4, 10, 0, 0, 1], 0)).toBeNull();
  });

  it('reads an address an agent wrote as text in the index (Brocade), and nothing from other bytes', () => {
    const text = (value: string) => [...Buffer.from(value)];
    expect(inetAddressFromIndex([1, 15, ...text('010.040.001.039')], 0)?.decoded).toEqual({ address: '10.40.1.39', family: 4 });
    expect(inetAddressFromIndex([2, 39, ...text('fe80:0000:0000:0000:c6f5:7cff:fe05:ba75')], 0)?.decoded).toEqual({ address: 'fe80::c6f5:7cff:fe05:ba75', family: 6 });
    expect(inetAddressFromIndex([1, 15, ...text('999.040.001.039')], 0)).toBeNull();
    expect(inetAddressFromIndex([1, 5, 10, 0, 0, 1, 7], 0)).toBeNull();
  });

  it('reads IpAddress values and netmasks', () => {
    expect(asIpv4('10.1.2.3')).toBe('10.1.2.3');
    expect(asIpv4(Buffer.from([10, 1, 2, 3]))).toBe('10.1.2.3');
    expect(asIpv4(Buffer.from([10, 1, 2]))).toBeNull();
    expect(prefixLengthOfMask('255.255.255.0')).toBe(24);
    expect(prefixLengthOfMask('255.255.255.255')).toBe(32);
    expect(prefixLengthOfMask('0.0.0.0')).toBe(0);
    expect(prefixLengthOfMask('255.0.255.0')).toBeNull();
  });
});
