import { numeric } from '../../decode/numeric';
import { identifierText } from '../../decode/identifier-text';
import { formatIpv4 } from '../../decode/inet-address';
import { asOctets, asText } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { present, readTable } from '../read-table';
import { Warnings } from '../warnings';

/** One CISCO-CDP-MIB cdpCacheEntry: a neighbour seen on a local interface. */
export interface SnmpCdpNeighbour {
  localIfIndex: number;
  remoteDeviceId: string | null;
  remotePort: string | null;
  remotePlatform: string | null;
  remoteVersion: string | null;
  /** The neighbour's address, when it is IPv4 (cdpCacheAddressType ip(1)). */
  remoteAddress: string | null;
}

const ENTRY = '1.3.6.1.4.1.9.9.23.1.2.1.1';

/** CISCO-CDP-MIB cdpCacheTable (index ifIndex.deviceIndex); Cisco devices only. */
export async function collectCdp(session: SnmpSession): Promise<Collected<SnmpCdpNeighbour>> {
  const warnings = new Warnings('cdp');
  const rows = await readTable(session, 'cdpCacheTable', ENTRY, { addressType: 3, address: 4, version: 5, deviceId: 6, devicePort: 7, platform: 8 }, warnings);
  present(rows, 'CISCO-CDP-MIB cdpCacheTable', ENTRY, warnings);
  const records: SnmpCdpNeighbour[] = [];
  for (const { index, values } of rows) {
    if (index.length !== 2) {
      warnings.badValue('cdpCacheTable index', index.join('.'));
      continue;
    }
    const address = asOctets(values.address?.value);
    const isIpv4 = (numeric(values.addressType)) === 1 && address?.length === 4;
    records.push({
      localIfIndex: index[0],
      remoteDeviceId: identifierText(values.deviceId?.value, false, false),
      remotePort: identifierText(values.devicePort?.value, false, false),
      remotePlatform: text(values.platform?.value),
      remoteVersion: text(values.version?.value),
      remoteAddress: isIpv4 && address ? formatIpv4([...address]) : null,
    });
  }
  return { records, warnings: warnings.done() };
}

function text(value: unknown): string | null {
  return value === undefined ? null : asText(value) || null;
}
