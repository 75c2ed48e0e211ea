import { asText } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import { readTable } from '../read-table';
import type { Warnings } from '../warnings';

const LOC_PORT_ENTRY = '1.0.8802.1.1.2.1.3.7.1';
const IF_DESCR = '1.3.6.1.2.1.2.2.1';
const IF_NAME = '1.3.6.1.2.1.31.1.1.1';

export interface LocalPort {
  ifIndex: number;
  name: string;
}

/**
 * lldpLocPortNum → interface. LLDP numbers ports its own way; agents tie them to interfaces differently: by the
 * port id or description naming the interface (Cisco, HPE, Huawei), or by using the ifIndex as the port number
 * (Juniper, many others). Tried in that order: a name match is explicit, an equal number may be coincidence.
 */
export async function resolveLocalPorts(session: SnmpSession, warnings: Warnings): Promise<Map<number, LocalPort>> {
  const locPorts = await readTable(session, 'lldpLocPortTable', LOC_PORT_ENTRY, { portId: 3, portDesc: 4 }, warnings);
  const descrs = await readTable(session, 'ifTable', IF_DESCR, { ifDescr: 2 }, warnings);
  const names = await readTable(session, 'ifXTable', IF_NAME, { ifName: 1 }, warnings);
  const interfaces = new Map<number, { name: string; aliases: Set<string> }>();
  for (const row of descrs) {
    const descr = asText(row.values.ifDescr?.value);
    if (descr && row.index.length === 1) interfaces.set(row.index[0], { name: descr, aliases: new Set([descr]) });
  }
  for (const row of names) {
    const name = asText(row.values.ifName?.value);
    if (!name || row.index.length !== 1) continue;
    const known = interfaces.get(row.index[0]) ?? { name, aliases: new Set<string>() };
    known.name = name; // ifName is the short name the inventory uses.
    known.aliases.add(name);
    interfaces.set(row.index[0], known);
  }
  const byAlias = new Map<string, number>();
  for (const [ifIndex, { aliases }] of interfaces) for (const alias of aliases) if (!byAlias.has(alias)) byAlias.set(alias, ifIndex);

  const resolved = new Map<number, LocalPort>();
  const toPort = (ifIndex: number): LocalPort => ({ ifIndex, name: interfaces.get(ifIndex)?.name ?? `ifIndex ${ifIndex}` });
  for (const { index, values } of locPorts) {
    if (index.length !== 1) continue;
    const candidates = [asText(values.portId?.value), asText(values.portDesc?.value)];
    const match = candidates.map((candidate) => (candidate ? byAlias.get(candidate) : undefined)).find((ifIndex) => ifIndex !== undefined);
    if (match !== undefined) resolved.set(index[0], toPort(match));
    else if (interfaces.has(index[0])) resolved.set(index[0], toPort(index[0]));
  }
  // A port missing from lldpLocPortTable (or an agent without it): the port number is the ifIndex when one exists.
  const listed = new Set(locPorts.map((row) => row.index[0]));
  for (const ifIndex of interfaces.keys()) {
    if (!listed.has(ifIndex)) resolved.set(ifIndex, toPort(ifIndex));
  }
  return resolved;
}
