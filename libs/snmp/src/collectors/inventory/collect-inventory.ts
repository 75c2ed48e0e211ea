import { numeric } from '../../decode/numeric';
import { asText } from '../../decode/octets';
import type { SnmpSession } from '../../session/snmp-session';
import type { Collected } from '../collected';
import { present, readTable } from '../read-table';
import { Warnings } from '../warnings';

export type EntityClass = 'other' | 'unknown' | 'chassis' | 'backplane' | 'container' | 'powerSupply' | 'fan' | 'sensor' | 'module' | 'port' | 'stack' | 'cpu' | 'energyObject' | 'battery' | 'storageDrive';

/** One ENTITY-MIB entPhysicalEntry: an inventory item. */
export interface SnmpInventoryItem {
  entPhysicalIndex: number;
  name: string | null;
  class: EntityClass;
  description: string | null;
  /** entPhysicalModelName: the part id. */
  partId: string | null;
  serial: string | null;
  manufacturer: string | null;
  hardwareRev: string | null;
  firmwareRev: string | null;
  softwareRev: string | null;
  /** entPhysicalContainedIn (0 = top level). */
  containedIn: number | null;
  isFru: boolean | null;
}

const ENTRY = '1.3.6.1.2.1.47.1.1.1.1';
const CLASSES: EntityClass[] = ['other', 'unknown', 'chassis', 'backplane', 'container', 'powerSupply', 'fan', 'sensor', 'module', 'port', 'stack', 'cpu', 'energyObject', 'battery', 'storageDrive'];

/** ENTITY-MIB entPhysicalTable. */
export async function collectInventory(session: SnmpSession): Promise<Collected<SnmpInventoryItem>> {
  const warnings = new Warnings('inventory');
  const rows = await readTable(
    session,
    'entPhysicalTable',
    ENTRY,
    { descr: 2, containedIn: 4, class: 5, name: 7, hardwareRev: 8, firmwareRev: 9, softwareRev: 10, serial: 11, manufacturer: 12, model: 13, isFru: 16 },
    warnings,
  );
  present(rows, 'ENTITY-MIB entPhysicalTable', ENTRY, warnings);
  const records: SnmpInventoryItem[] = [];
  for (const { index, values } of rows) {
    if (index.length !== 1) {
      warnings.badValue('entPhysicalTable index', index.join('.'));
      continue;
    }
    const classNumber = numeric(values.class);
    const isFru = numeric(values.isFru);
    records.push({
      entPhysicalIndex: index[0],
      name: text(values.name?.value),
      class: classNumber !== null ? (CLASSES[classNumber - 1] ?? 'other') : 'unknown',
      description: text(values.descr?.value),
      partId: text(values.model?.value),
      serial: text(values.serial?.value),
      manufacturer: text(values.manufacturer?.value),
      hardwareRev: text(values.hardwareRev?.value),
      firmwareRev: text(values.firmwareRev?.value),
      softwareRev: text(values.softwareRev?.value),
      containedIn: numeric(values.containedIn),
      // TruthValue: true(1), false(2).
      isFru: isFru === 1 ? true : isFru === 2 ? false : null,
    });
  }
  return { records, warnings: warnings.done() };
}

function text(value: unknown): string | null {
  return value === undefined ? null : asText(value) || null;
}
