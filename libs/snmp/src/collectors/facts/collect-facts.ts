import { numeric } from '../../decode/numeric';
import { asText } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { readTable } from '../read-table';
import { Warnings } from '../warnings';
import { vendorOfObjectId } from './vendor-of';

/** The device facts (issue 13: vendor, model, serial, osVersion, hostname, uptime) and the system group. */
export interface SnmpDeviceFacts {
  hostname: string | null;
  sysDescr: string | null;
  sysObjectId: string | null;
  sysContact: string | null;
  sysLocation: string | null;
  uptimeSeconds: number | null;
  /** ENTITY-MIB chassis manufacturer, else from the sysObjectID's enterprise number. */
  vendor: string | null;
  /** ENTITY-MIB chassis model name (Junos: jnxBoxDescr). */
  model: string | null;
  /** ENTITY-MIB chassis serial number (Junos: jnxBoxSerialNo). */
  serial: string | null;
  /** ENTITY-MIB chassis software revision. */
  osVersion: string | null;
}

const SYSTEM = '1.3.6.1.2.1.1';
const ENT_PHYSICAL_ENTRY = '1.3.6.1.2.1.47.1.1.1.1';
const CHASSIS = 3;
/** JUNIPER-MIB jnxBoxDescr.0 and jnxBoxSerialNo.0: Junos routers have no ENTITY-MIB. */
const JNX_BOX_DESCR = '1.3.6.1.4.1.2636.3.1.2.0';
const JNX_BOX_SERIAL = '1.3.6.1.4.1.2636.3.1.3.0';

/** SNMPv2-MIB system group (one GET) and the first ENTITY-MIB chassis that has a serial or model. */
export async function collectFacts(session: SnmpSession): Promise<Collected<SnmpDeviceFacts>> {
  const warnings = new Warnings('facts');
  const [descr, objectId, upTime, contact, name, location] = await session.get([1, 2, 3, 4, 5, 6].map((leaf) => `${SYSTEM}.${leaf}.0`));
  if (!descr && !objectId && !name) warnings.add('MIB_MISSING', `SNMPv2-MIB system (${SYSTEM}) is not answered`, SYSTEM);
  const sysObjectId = typeof objectId?.value === 'string' ? objectId.value : null;
  const entities = await readTable(session, 'entPhysicalTable', ENT_PHYSICAL_ENTRY, { class: 5, softwareRev: 10, serial: 11, manufacturer: 12, model: 13 }, warnings);
  const chassis = entities
    .filter((row) => numeric(row.values.class) === CHASSIS)
    .map((row) => ({
      serial: text(row.values.serial?.value),
      model: text(row.values.model?.value),
      manufacturer: text(row.values.manufacturer?.value),
      softwareRev: text(row.values.softwareRev?.value),
    }))
    .find((entity) => entity.serial || entity.model);
  const juniper = !chassis && sysObjectId?.startsWith('1.3.6.1.4.1.2636.') ? await session.get([JNX_BOX_DESCR, JNX_BOX_SERIAL]) : null;
  const hostname = text(name?.value);
  const ticks = numeric(upTime);
  return {
    records: [
      {
        hostname,
        sysDescr: text(descr?.value),
        sysObjectId,
        sysContact: text(contact?.value),
        sysLocation: text(location?.value),
        uptimeSeconds: ticks === null ? null : Math.floor(ticks / 100),
        vendor: chassis?.manufacturer ?? vendorOfObjectId(sysObjectId),
        model: chassis?.model ?? (juniper?.[0] ? text(juniper[0].value) : null),
        serial: chassis?.serial ?? (juniper?.[1] ? text(juniper[1].value) : null),
        osVersion: chassis?.softwareRev ?? null,
      },
    ],
    warnings: warnings.done(),
  };
}

function text(value: unknown): string | null {
  return value === undefined ? null : asText(value) || null;
}
