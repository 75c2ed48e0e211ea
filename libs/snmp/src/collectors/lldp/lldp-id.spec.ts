import { lldpIdText } from './lldp-id';

describe('lldpIdText', () => {
  it('writes MAC-subtype ids as canonical MACs', () => {
    expect(lldpIdText(Buffer.from([0, 0x1e, 0x13, 0xaa, 0xbb, 0x0c]), true, false)).toBe('00:1e:13:aa:bb:0c');
  });

  it('writes network-address ids as addresses', () => {
    expect(lldpIdText(Buffer.from([1, 192, 0, 2, 7]), false, true)).toBe('192.0.2.7');
  });

  it('keeps printable text and writes other octets in hex', () => {
    expect(lldpIdText(Buffer.from('Gi0/1'), false, false)).toBe('Gi0/1');
    expect(lldpIdText(Buffer.from([0x01, 0x02, 0xff]), false, false)).toBe('01:02:ff');
    expect(lldpIdText(Buffer.alloc(0), false, false)).toBeNull();
    expect(lldpIdText(12, false, false)).toBeNull();
  });
});
