import { numeric } from '../../decode/numeric';
import { asIpv4 } from '../../decode/inet-address';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { present, readTable } from '../read-table';
import { Warnings } from '../warnings';

export type BgpPeerState = 'idle' | 'connect' | 'active' | 'opensent' | 'openconfirm' | 'established';

/** One BGP4-MIB bgpPeerEntry (IPv4 peers; the MIB knows no others). */
export interface SnmpBgpPeer {
  remoteAddress: string;
  remoteAs: number | null;
  localAddress: string | null;
  /** The local router's AS (bgpLocalAs), the same on every peer. */
  localAs: number | null;
  peerIdentifier: string | null;
  state: BgpPeerState | null;
  adminEnabled: boolean | null;
  /** Seconds in (or since leaving) the established state. */
  establishedSeconds: number | null;
}

const BGP = '1.3.6.1.2.1.15';
const PEER_ENTRY = `${BGP}.3.1`;
const STATES: BgpPeerState[] = ['idle', 'connect', 'active', 'opensent', 'openconfirm', 'established'];

/** BGP4-MIB bgpLocalAs and bgpPeerTable; routers only. */
export async function collectBgp(session: SnmpSession): Promise<Collected<SnmpBgpPeer>> {
  const warnings = new Warnings('bgp');
  const rows = await readTable(session, 'bgpPeerTable', PEER_ENTRY, { identifier: 1, state: 2, adminStatus: 3, localAddr: 5, remoteAddr: 7, remoteAs: 9, establishedTime: 16 }, warnings);
  if (!present(rows, 'BGP4-MIB bgpPeerTable', PEER_ENTRY, warnings)) return { records: [], warnings: warnings.done() };
  const [localAsValue] = await session.get([`${BGP}.2.0`]);
  const localAs = numeric(localAsValue);
  const records: SnmpBgpPeer[] = [];
  for (const { index, values } of rows) {
    const remoteAddress = (values.remoteAddr ? asIpv4(values.remoteAddr.value) : null) ?? (index.length === 4 ? index.join('.') : null);
    if (!remoteAddress) {
      warnings.badValue('bgpPeerTable index', index.join('.'));
      continue;
    }
    const state = numeric(values.state);
    const admin = numeric(values.adminStatus);
    records.push({
      remoteAddress,
      remoteAs: numeric(values.remoteAs),
      localAddress: values.localAddr ? asIpv4(values.localAddr.value) : null,
      localAs,
      peerIdentifier: values.identifier ? asIpv4(values.identifier.value) : null,
      state: state !== null ? (STATES[state - 1] ?? null) : null,
      // bgpPeerAdminStatus: stop(1), start(2).
      adminEnabled: admin === 2 ? true : admin === 1 ? false : null,
      establishedSeconds: numeric(values.establishedTime),
    });
  }
  return { records, warnings: warnings.done() };
}
