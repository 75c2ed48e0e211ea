/** IANA private enterprise numbers of network vendors, for a vendor name when ENTITY-MIB gives no manufacturer. */
const ENTERPRISES: Record<number, string> = {
  9: 'Cisco',
  11: 'HPE',
  171: 'D-Link',
  1588: 'Brocade',
  1916: 'Extreme Networks',
  1991: 'Brocade',
  2011: 'Huawei',
  2636: 'Juniper Networks',
  3902: 'ZTE',
  4881: 'Ruijie',
  6486: 'Alcatel-Lucent',
  12356: 'Fortinet',
  14823: 'Aruba',
  25461: 'Palo Alto Networks',
  25506: 'H3C',
  30065: 'Arista Networks',
  41112: 'Ubiquiti',
};

/** The vendor of a sysObjectID under 1.3.6.1.4.1 (enterprises), or null. */
export function vendorOfObjectId(sysObjectId: string | null): string | null {
  const match = sysObjectId ? /^\.?1\.3\.6\.1\.4\.1\.(\d+)/.exec(sysObjectId) : null;
  return match ? (ENTERPRISES[Number(match[1])] ?? null) : null;
}
