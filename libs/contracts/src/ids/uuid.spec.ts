import { isUuid } from './uuid';

describe('isUuid', () => {
  it('accepts a UUID in either case', () => {
    expect(isUuid('0b5f3c1e-9a4d-4c2b-8e7f-1a2b3c4d5e6f')).toBe(true);
    expect(isUuid('0B5F3C1E-9A4D-4C2B-8E7F-1A2B3C4D5E6F')).toBe(true);
  });

  it('refuses anything else: other text, a UUID inside other text, other types', () => {
    for (const value of ['edge-01', '0b5f3c1e-9a4d-4c2b-8e7f-1a2b3c4d5e6', ' 0b5f3c1e-9a4d-4c2b-8e7f-1a2b3c4d5e6f', '0b5f3c1e9a4d4c2b8e7f1a2b3c4d5e6f', 42, null, undefined]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
