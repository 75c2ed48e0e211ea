import { booleanRule, integerRule, ipAddressRule, macAddressRule, requiredTextRule, textRule, timestampRule } from './collected-rules';

describe('rules of collected fields', () => {
  it('canonicalises MAC and IP addresses and refuses what is neither', () => {
    expect(macAddressRule('AABB.CCDD.EEFF')).toEqual({ ok: true, value: 'aa:bb:cc:dd:ee:ff' });
    expect(macAddressRule('aa:bb')).toMatchObject({ ok: false });
    expect(macAddressRule(42)).toMatchObject({ ok: false });
    expect(ipAddressRule('2001:DB8::0001')).toEqual({ ok: true, value: '2001:db8::1' });
    expect(ipAddressRule('10.0.0.1/24')).toMatchObject({ ok: false });
  });

  it('takes whole numbers in range, booleans, and text within its length', () => {
    expect(integerRule(1, 4094)(10)).toEqual({ ok: true, value: 10 });
    expect(integerRule(1, 4094)(4095)).toMatchObject({ ok: false });
    expect(integerRule(1, 4094)(1.5)).toMatchObject({ ok: false });
    expect(booleanRule('true')).toMatchObject({ ok: false });
    expect(textRule(3)('')).toEqual({ ok: true, value: '' });
    expect(textRule(3)('abcd')).toMatchObject({ ok: false });
    expect(requiredTextRule(10)('  Gi0/1 ')).toEqual({ ok: true, value: 'Gi0/1' });
    expect(requiredTextRule(10)('  ')).toMatchObject({ ok: false });
  });

  it('takes ISO times with an offset only', () => {
    expect(timestampRule('2026-12-01T10:00:00Z')).toEqual({ ok: true, value: new Date('2026-12-01T10:00:00Z') });
    expect(timestampRule('2026-12-01T12:00:00.5+02:00')).toEqual({ ok: true, value: new Date('2026-12-01T10:00:00.5Z') });
    expect(timestampRule('2026-12-01 10:00')).toMatchObject({ ok: false });
    expect(timestampRule('2026-13-45T10:00:00Z')).toMatchObject({ ok: false });
  });
});
