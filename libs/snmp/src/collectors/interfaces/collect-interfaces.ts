import { numeric } from '../../decode/numeric';
import { asMac, asText } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { present, readTable } from '../read-table';
import { Warnings } from '../warnings';
import { interfaceKindOf, type InterfaceKind } from './interface-kind';
import { speedKbps } from './interface-speed';

export interface SnmpInterface {
  ifIndex: number;
  /** ifName (IF-MIB ifXTable), else ifDescr. */
  name: string;
  /** ifDescr as the agent gives it (often the long name). */
  ifDescr: string | null;
  type: InterfaceKind;
  /** The IANAifType number the type was mapped from. */
  ifType: number | null;
  /** ifAdminStatus up. */
  enabled: boolean;
  /** ifOperStatus up. */
  operUp: boolean;
  mtu: number | null;
  /** kbit/s. */
  speed: number | null;
  /** Canonical `aa:bb:cc:dd:ee:ff`; null when the interface has none (or not 6 octets). */
  macAddress: string | null;
  /** ifAlias: the description the operator configured. */
  description: string | null;
}

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';

/** IF-MIB ifTable joined with ifXTable by ifIndex. */
export async function collectInterfaces(session: SnmpSession): Promise<Collected<SnmpInterface>> {
  const warnings = new Warnings('interfaces');
  const ifRows = await readTable(session, 'ifTable', IF_ENTRY, { ifDescr: 2, ifType: 3, ifMtu: 4, ifSpeed: 5, ifPhysAddress: 6, ifAdminStatus: 7, ifOperStatus: 8 }, warnings);
  if (!present(ifRows, 'IF-MIB ifTable', IF_ENTRY, warnings)) return { records: [], warnings: warnings.done() };
  const ifxRows = await readTable(session, 'ifXTable', IFX_ENTRY, { ifName: 1, ifHighSpeed: 15, ifAlias: 18 }, warnings);
  const extensions = new Map(ifxRows.map((row) => [row.index.join('.'), row.values]));
  const records: SnmpInterface[] = [];
  for (const { index, values } of ifRows) {
    if (index.length !== 1) {
      warnings.badValue('ifTable index', index.join('.'));
      continue;
    }
    const ifIndex = index[0];
    const x = extensions.get(String(ifIndex)) ?? {};
    const ifDescr = values.ifDescr ? asText(values.ifDescr.value) : null;
    const ifName = x.ifName ? asText(x.ifName.value) : null;
    const physical = values.ifPhysAddress ? values.ifPhysAddress.value : null;
    const ifType = numeric(values.ifType);
    records.push({
      ifIndex,
      name: ifName || ifDescr || `ifIndex ${ifIndex}`,
      ifDescr,
      type: interfaceKindOf(ifType),
      ifType,
      enabled: numeric(values.ifAdminStatus) === 1,
      operUp: numeric(values.ifOperStatus) === 1,
      mtu: numeric(values.ifMtu),
      speed: speedKbps(numeric(values.ifSpeed), numeric(x.ifHighSpeed)),
      macAddress: physical === null ? null : asMac(physical),
      description: x.ifAlias ? asText(x.ifAlias.value) || null : null,
    });
  }
  return { records, warnings: warnings.done() };
}
