import { numeric } from '../../decode/numeric';
import { macFromOctets } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { readTable, type TableRow } from '../read-table';
import { Warnings } from '../warnings';

export interface SnmpMacTableEntry {
  /** Canonical `aa:bb:cc:dd:ee:ff`. */
  mac: string;
  /** Q-BRIDGE-MIB's filtering database id (null from BRIDGE-MIB). */
  fdbId: number | null;
  /** The fdbId when it can be a VLAN id (1-4094): most switches number their databases by VLAN; Junos does not. */
  vlan: number | null;
  bridgePort: number;
  /** The bridge port's interface (dot1dBasePortIfIndex), when the agent maps it. */
  ifIndex: number | null;
  status: 'learned' | 'self' | 'mgmt' | 'other';
  source: 'dot1qTpFdbTable' | 'dot1dTpFdbTable';
}

const BASE_PORT_ENTRY = '1.3.6.1.2.1.17.1.4.1';
const DOT1D_FDB_ENTRY = '1.3.6.1.2.1.17.4.3.1';
const DOT1Q_FDB_ENTRY = '1.3.6.1.2.1.17.7.1.2.2.1';
const STATUSES: Record<number, SnmpMacTableEntry['status']> = { 1: 'other', 3: 'learned', 4: 'self', 5: 'mgmt' };
const INVALID = 2;

/**
 * The forwarding database: Q-BRIDGE-MIB dot1qTpFdbTable (per VLAN) when the agent has it, else BRIDGE-MIB
 * dot1dTpFdbTable; bridge ports mapped to ifIndex by dot1dBasePortTable. (Cisco IOS serves BRIDGE-MIB per VLAN
 * through `community@vlan` contexts; this reads the default context only.)
 */
export async function collectMacTable(session: SnmpSession): Promise<Collected<SnmpMacTableEntry>> {
  const warnings = new Warnings('mac_table');
  let rows = await readTable(session, 'dot1qTpFdbTable', DOT1Q_FDB_ENTRY, { port: 2, status: 3 }, warnings);
  let source: SnmpMacTableEntry['source'] = 'dot1qTpFdbTable';
  if (rows.length === 0) {
    rows = await readTable(session, 'dot1dTpFdbTable', DOT1D_FDB_ENTRY, { port: 2, status: 3 }, warnings);
    source = 'dot1dTpFdbTable';
  }
  if (rows.length === 0) {
    warnings.add('MIB_MISSING', 'Q-BRIDGE-MIB dot1qTpFdbTable and BRIDGE-MIB dot1dTpFdbTable are empty or not implemented', DOT1D_FDB_ENTRY);
    return { records: [], warnings: warnings.done() };
  }
  const basePorts = await readTable(session, 'dot1dBasePortTable', BASE_PORT_ENTRY, { ifIndex: 2 }, warnings);
  const ifIndexOfPort = new Map(basePorts.map((row) => [row.index[0], numeric(row.values.ifIndex)]));
  const records: SnmpMacTableEntry[] = [];
  for (const row of rows) {
    const entry = toEntry(row, source, ifIndexOfPort, warnings);
    if (entry) records.push(entry);
  }
  return { records, warnings: warnings.done() };
}

function toEntry(
  { index, values }: TableRow<'port' | 'status'>,
  source: SnmpMacTableEntry['source'],
  ifIndexOfPort: Map<number, number | null>,
  warnings: Warnings,
): SnmpMacTableEntry | null {
  // dot1q: fdbId.mac (7 sub-identifiers); dot1d: mac (6).
  const macParts = source === 'dot1qTpFdbTable' ? index.slice(1) : index;
  const mac = macParts.length === 6 ? macFromOctets(macParts) : null;
  const status = values.status ? numeric(values.status) : 1;
  const bridgePort = numeric(values.port);
  if (!mac || bridgePort === null) {
    warnings.badValue(`${source} row`, index.join('.'));
    return null;
  }
  if (status === INVALID) return null;
  return {
    mac,
    fdbId: source === 'dot1qTpFdbTable' ? index[0] : null,
    vlan: source === 'dot1qTpFdbTable' && index[0] >= 1 && index[0] <= 4094 ? index[0] : null,
    bridgePort,
    // 0 = no interface (Junos gives it for its internal bridge ports).
    ifIndex: ifIndexOfPort.get(bridgePort) || null,
    status: STATUSES[status ?? 1] ?? 'other',
    source,
  };
}
