import { vendorOfObjectId } from './vendor-of';

describe('vendorOfObjectId', () => {
  it('names the enterprise of a sysObjectID', () => {
    expect(vendorOfObjectId('1.3.6.1.4.1.9.1.1024')).toBe('Cisco');
    expect(vendorOfObjectId('1.3.6.1.4.1.2636.1.1.1.2.25')).toBe('Juniper Networks');
  });

  it('gives null for unknown enterprises and non-enterprise OIDs', () => {
    expect(vendorOfObjectId('1.3.6.1.4.1.99999.1')).toBeNull();
    expect(vendorOfObjectId('1.3.6.1.2.1.1')).toBeNull();
    expect(vendorOfObjectId(null)).toBeNull();
  });
});
