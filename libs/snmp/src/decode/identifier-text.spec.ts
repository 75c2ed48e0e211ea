import { identifierText } from './identifier-text';

describe('identifierText (LLDP and CDP ids)', () => {
  it('writes MAC-subtype ids as canonical MACs', () => {
    expect(identifierText(Buffer.from([0, 0x1e, 0x13, 0xaa, 0xbb, 0x0c]), true, false)).toBe('00:1e:13:aa:bb:0c');
  });

  it('writes network-address ids as addresses', () => {
    expect(identifierText(Buffer.from([1, 192, 0, 2, 7]), false, true)).toBe('192.0.2.7');
  });

  it('keeps printable text and writes other octets in hex', () => {
    expect(identifierText(Buffer.from('Gi0/1'), false, false)).toBe('Gi0/1');
    expect(identifierText(Buffer.from([0x01, 0x02, 0xff]), false, false)).toBe('01:02:ff');
    expect(identifierText(Buffer.from([0xe8, 0x39, 0x35, 0x1a, 0xca, 0x99]), false, false)).toBe('e8:39:35:1a:ca:99');
    expect(identifierText(Buffer.alloc(0), false, false)).toBeNull();
    expect(identifierText(12, false, false)).toBeNull();
  });
});
