import { numeric } from '../../decode/numeric';
import { asIpv4, inetAddressFromIndex, prefixLengthOfMask } from '../../decode/inet-address';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { readTable } from '../read-table';
import { Warnings } from '../warnings';

export interface SnmpIpAddress {
  /** Canonical address with prefix length, e.g. `10.0.0.1/24`, `2001:db8::1/64`. */
  address: string;
  ip: string;
  prefixLength: number;
  family: 4 | 6;
  /** The interface it is on (ifIndex), when the agent says. */
  ifIndex: number | null;
  /** Which table said so: IP-MIB ipAddressTable (v4 and v6) or the older ipAddrTable (v4 only). */
  source: 'ipAddressTable' | 'ipAddrTable';
}

const IP_ADDR_ENTRY = '1.3.6.1.2.1.4.20.1';
const IP_ADDRESS_ENTRY = '1.3.6.1.2.1.4.34.1';
/** ipAddressType broadcast(3): the subnet's broadcast address, not one the device holds. */
const BROADCAST = 3;

/**
 * IP-MIB ipAddressTable (v4 and v6, RFC 4293) and ipAddrTable (v4, RFC 2011), one record per address: the newer
 * table's row wins, the older one's netmask fills a prefix length the newer one lacks.
 */
export async function collectIpAddresses(session: SnmpSession): Promise<Collected<SnmpIpAddress>> {
  const warnings = new Warnings('ip_addresses');
  const byIp = new Map<string, { ip: string; family: 4 | 6; prefixLength: number | null; ifIndex: number | null; source: SnmpIpAddress['source'] }>();

  const modern = await readTable(session, 'ipAddressTable', IP_ADDRESS_ENTRY, { ifIndex: 3, type: 4, prefix: 5 }, warnings);
  for (const { index, values } of modern) {
    const found = inetAddressFromIndex(index, 0);
    if (!found) {
      // DNS-typed rows and unknown types carry no address we can use; only malformed ones are worth a warning.
      if (index[0] === 1 || index[0] === 2) warnings.badValue('ipAddressTable index', index.join('.'));
      continue;
    }
    if (numeric(values.type) === BROADCAST) continue;
    const prefix = typeof values.prefix?.value === 'string' ? values.prefix.value : null;
    byIp.set(found.decoded.address, {
      ip: found.decoded.address,
      family: found.decoded.family,
      prefixLength: prefixLengthOfPointer(prefix, found.decoded.family),
      ifIndex: numeric(values.ifIndex),
      source: 'ipAddressTable',
    });
  }

  const legacy = await readTable(session, 'ipAddrTable', IP_ADDR_ENTRY, { address: 1, ifIndex: 2, netMask: 3 }, warnings);
  for (const { index, values } of legacy) {
    // ipAdEntAddr, else the index: some agents (Venus) index the table by interface, not by address.
    const ip = (values.address ? asIpv4(values.address.value) : null) ?? (index.length === 4 && index.every((part) => part <= 255) ? index.join('.') : null);
    if (!ip) {
      warnings.badValue('ipAddrTable row', index.join('.'));
      continue;
    }
    const mask = values.netMask ? asIpv4(values.netMask.value) : null;
    const prefixLength = mask ? prefixLengthOfMask(mask) : null;
    const known = byIp.get(ip);
    if (known) {
      known.prefixLength ??= prefixLength;
      known.ifIndex ??= numeric(values.ifIndex);
      continue;
    }
    byIp.set(ip, { ip, family: 4, prefixLength, ifIndex: numeric(values.ifIndex), source: 'ipAddrTable' });
  }

  if (modern.length === 0 && legacy.length === 0) warnings.add('MIB_MISSING', 'IP-MIB ipAddressTable and ipAddrTable are empty or not implemented', IP_ADDRESS_ENTRY);
  const records = [...byIp.values()].map((entry) => {
    // Agents give link-local addresses no prefix: theirs is fe80::/64 (RFC 4291). Any other address without one is
    // kept as a host address, and the gap reported.
    const linkLocal = entry.family === 6 && /^fe[89ab][0-9a-f]:/.test(entry.ip);
    if (entry.prefixLength === null && !linkLocal) warnings.badValue('prefix length (ipAddressPrefix / ipAdEntNetMask)', entry.ip);
    const prefixLength = entry.prefixLength ?? (linkLocal ? 64 : entry.family === 4 ? 32 : 128);
    return { address: `${entry.ip}/${prefixLength}`, ip: entry.ip, prefixLength, family: entry.family, ifIndex: entry.ifIndex, source: entry.source };
  });
  return { records, warnings: warnings.done() };
}

/** ipAddressPrefix points at an ipAddressPrefixEntry whose last index sub-identifier is the prefix length (`0.0` = none). */
export function prefixLengthOfPointer(pointer: string | null, family: 4 | 6): number | null {
  if (!pointer || pointer === '0.0') return null;
  const last = Number(pointer.split('.').pop());
  return Number.isInteger(last) && last >= 0 && last <= (family === 4 ? 32 : 128) ? last : null;
}
