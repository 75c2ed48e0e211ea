import { numeric } from '../../decode/numeric';
import { identifierText } from '../../decode/identifier-text';
import { asText } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { present, readTable } from '../read-table';
import { Warnings } from '../warnings';
import { resolveLocalPorts } from './resolve-local-ports';

export interface SnmpLldpNeighbour {
  /** lldpLocPortNum: LLDP's own number for the local port. */
  localPortNum: number;
  /** The local interface's ifIndex and name, when the port could be matched to one (see resolveLocalPorts). */
  localIfIndex: number | null;
  localInterface: string | null;
  remoteChassisId: string | null;
  remoteChassisIdSubtype: number | null;
  remotePortId: string | null;
  remotePortIdSubtype: number | null;
  remotePortDescription: string | null;
  remoteSystemName: string | null;
  remoteSystemDescription: string | null;
}

const REM_ENTRY = '1.0.8802.1.1.2.1.4.1.1';
/** LLDP-MIB LldpChassisIdSubtype macAddress(4) / networkAddress(5); LldpPortIdSubtype macAddress(3) / networkAddress(4). */
const CHASSIS_MAC = 4;
const CHASSIS_NETWORK_ADDRESS = 5;
const PORT_MAC = 3;
const PORT_NETWORK_ADDRESS = 4;

/** LLDP-MIB lldpRemTable (index timeMark.localPortNum.remIndex), its local port resolved to an interface. */
export async function collectLldp(session: SnmpSession): Promise<Collected<SnmpLldpNeighbour>> {
  const warnings = new Warnings('lldp');
  const rows = await readTable(
    session,
    'lldpRemTable',
    REM_ENTRY,
    { chassisIdSubtype: 4, chassisId: 5, portIdSubtype: 6, portId: 7, portDesc: 8, sysName: 9, sysDesc: 10 },
    warnings,
  );
  if (!present(rows, 'LLDP-MIB lldpRemTable', REM_ENTRY, warnings)) return { records: [], warnings: warnings.done() };
  const ports = await resolveLocalPorts(session, warnings);
  const records: SnmpLldpNeighbour[] = [];
  for (const { index, values } of rows) {
    if (index.length !== 3) {
      warnings.badValue('lldpRemTable index', index.join('.'));
      continue;
    }
    const localPortNum = index[1];
    const chassisIdSubtype = numeric(values.chassisIdSubtype);
    const portIdSubtype = numeric(values.portIdSubtype);
    const local = ports.get(localPortNum);
    records.push({
      localPortNum,
      localIfIndex: local?.ifIndex ?? null,
      localInterface: local?.name ?? null,
      remoteChassisId: identifierText(values.chassisId?.value, chassisIdSubtype === CHASSIS_MAC, chassisIdSubtype === CHASSIS_NETWORK_ADDRESS),
      remoteChassisIdSubtype: chassisIdSubtype,
      remotePortId: identifierText(values.portId?.value, portIdSubtype === PORT_MAC, portIdSubtype === PORT_NETWORK_ADDRESS),
      remotePortIdSubtype: portIdSubtype,
      remotePortDescription: text(values.portDesc?.value),
      remoteSystemName: text(values.sysName?.value),
      remoteSystemDescription: text(values.sysDesc?.value),
    });
  }
  return { records, warnings: warnings.done() };
}

function text(value: unknown): string | null {
  return value === undefined ? null : asText(value) || null;
}
