import { numeric } from '../../decode/numeric';
import { asIpv4, inetAddressFromIndex } from '../../decode/inet-address';
import { asMac, asOctets } from '../../decode/octets';
import type { SnmpSession, SnmpValue } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { present, readTable } from '../read-table';
import { Warnings } from '../warnings';

/** One ARP (IPv4) or NDP (IPv6) entry. */
export interface SnmpNeighbourEntry {
  ifIndex: number;
  ip: string;
  family: 4 | 6;
  /** Canonical `aa:bb:cc:dd:ee:ff`. */
  mac: string;
  type: 'dynamic' | 'static' | 'local' | 'other';
  source: 'ipNetToPhysicalTable' | 'ipNetToMediaTable';
}

const NET_TO_MEDIA_ENTRY = '1.3.6.1.2.1.4.22.1';
const NET_TO_PHYSICAL_ENTRY = '1.3.6.1.2.1.4.35.1';
const TYPES: Record<number, SnmpNeighbourEntry['type']> = { 1: 'other', 3: 'dynamic', 4: 'static', 5: 'local' };
const INVALID = 2;

/** ARP: IPv4 entries of IP-MIB ipNetToPhysicalTable and ipNetToMediaTable, one per interface and address. */
export async function collectArp(session: SnmpSession): Promise<Collected<SnmpNeighbourEntry>> {
  const warnings = new Warnings('arp');
  const entries = new Map<string, SnmpNeighbourEntry>();
  const physical = await readNetToPhysical(session, warnings);
  for (const entry of physical.filter((candidate) => candidate.family === 4)) entries.set(`${entry.ifIndex}/${entry.ip}`, entry);
  const media = await readTable(session, 'ipNetToMediaTable', NET_TO_MEDIA_ENTRY, { ifIndex: 1, physAddress: 2, netAddress: 3, type: 4 }, warnings);
  for (const { index, values } of media) {
    // The columns, else the index (ifIndex.a.b.c.d): some agents (Venus) index the table by a row number.
    const fromIndex = index.length === 5 && index.slice(1).every((part) => part <= 255) ? index.slice(1).join('.') : null;
    const ip = (values.netAddress ? asIpv4(values.netAddress.value) : null) ?? fromIndex;
    const ifIndex = numeric(values.ifIndex) ?? (index.length === 5 ? index[0] : null);
    if (!ip || ifIndex === null) {
      warnings.badValue('ipNetToMediaTable row', index.join('.'));
      continue;
    }
    const entry = toEntry(ifIndex, ip, 4, values.physAddress?.value, values.type, 'ipNetToMediaTable', warnings);
    if (entry && !entries.has(`${entry.ifIndex}/${entry.ip}`)) entries.set(`${entry.ifIndex}/${entry.ip}`, entry);
  }
  if (physical.length === 0 && media.length === 0) warnings.add('MIB_MISSING', 'IP-MIB ipNetToPhysicalTable and ipNetToMediaTable are empty or not implemented', NET_TO_MEDIA_ENTRY);
  return { records: [...entries.values()], warnings: warnings.done() };
}

/** NDP: IPv6 entries of IP-MIB ipNetToPhysicalTable. */
export async function collectNdp(session: SnmpSession): Promise<Collected<SnmpNeighbourEntry>> {
  const warnings = new Warnings('ndp');
  const physical = await readNetToPhysical(session, warnings);
  present(physical, 'IP-MIB ipNetToPhysicalTable', NET_TO_PHYSICAL_ENTRY, warnings);
  return { records: physical.filter((entry) => entry.family === 6), warnings: warnings.done() };
}

async function readNetToPhysical(session: SnmpSession, warnings: Warnings): Promise<SnmpNeighbourEntry[]> {
  const rows = await readTable(session, 'ipNetToPhysicalTable', NET_TO_PHYSICAL_ENTRY, { physAddress: 4, type: 6 }, warnings);
  const entries: SnmpNeighbourEntry[] = [];
  for (const { index, values } of rows) {
    const found = index.length > 1 ? inetAddressFromIndex(index, 1) : null;
    if (!found) {
      warnings.badValue('ipNetToPhysicalTable index', index.join('.'));
      continue;
    }
    const entry = toEntry(index[0], found.decoded.address, found.decoded.family, values.physAddress?.value, values.type, 'ipNetToPhysicalTable', warnings);
    if (entry) entries.push(entry);
  }
  return entries;
}

function toEntry(
  ifIndex: number,
  ip: string,
  family: 4 | 6,
  physAddress: unknown,
  type: SnmpValue | undefined,
  source: SnmpNeighbourEntry['source'],
  warnings: Warnings,
): SnmpNeighbourEntry | null {
  const typeNumber = type === undefined ? 1 : numeric(type);
  if (typeNumber === INVALID) return null;
  const mac = asMac(physAddress);
  if (!mac) {
    // An incomplete entry (no or all-zero address) is normal; anything else is bad data.
    const octets = asOctets(physAddress);
    if (!octets || (octets.length > 0 && octets.some((byte) => byte !== 0))) warnings.badValue(`${source} physAddress`, `${ip}: ${octets ? octets.toString('hex') : String(physAddress)}`);
    return null;
  }
  return { ifIndex, ip, family, mac, type: TYPES[typeNumber ?? 1] ?? 'other', source };
}
