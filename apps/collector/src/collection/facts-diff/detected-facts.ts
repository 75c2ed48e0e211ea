import { INVENTORY_ITEM_CLASSES, type InventoryItemClass } from '@yardmaster/contracts';
import type { SnmpCollectorType, SnmpRecordTypes } from '@yardmaster/snmp';
import { asJson, factsKeys, mtuOf, type DetectedRecord } from './facts-records';

/** What the records of one device refer to: its id, and its interfaces by ifIndex (names) and by name (inventory ids). */
export interface DetectContext {
  readonly deviceId: string;
  /** ifIndex → interface name: as collected in this run when the plan collects interfaces, else as the inventory knows them. */
  readonly interfaceNames: ReadonlyMap<number, string>;
  /** Lower-case interface name → the inventory's interface id. */
  readonly interfaceIds: ReadonlyMap<string, string>;
}

type Detect<T extends SnmpCollectorType> = (records: readonly SnmpRecordTypes[T][], context: DetectContext) => DetectedRecord[];

/**
 * Collected SNMP records in the inventory models' input shapes, keyed as `current-facts.ts` keys stored records.
 * An interface the inventory does not hold yet has no id: records on it carry `interfaceId: null` and, whenever
 * the interface's name is known, `interfaceName` beside it, which the apply resolves on the device once the
 * report's interfaces are applied (it is never stored). Records that name no usable key are left out.
 */
export const DETECTORS: { [T in SnmpCollectorType]: Detect<T> } = {
  facts: (records) =>
    records.slice(0, 1).map((facts) => ({
      objectType: 'device',
      key: 'facts',
      detected: asJson({ vendor: facts.vendor, model: facts.model, serial: facts.serial, osVersion: facts.osVersion, hostname: facts.hostname, uptime: facts.uptimeSeconds }),
    })),
  interfaces: (records, { deviceId }) =>
    records.map((record) => ({
      objectType: 'interface',
      key: record.name,
      detected: asJson({
        deviceId,
        name: record.name,
        type: record.type,
        enabled: record.enabled,
        mtu: mtuOf(record.mtu),
        speed: record.speed,
        macAddress: record.macAddress,
        description: record.description ?? '',
        ifIndex: record.ifIndex,
      }),
    })),
  ip_addresses: (records, context) =>
    records.map((record) => ({
      objectType: 'ip_address',
      key: factsKeys.ipAddress('', record.address),
      detected: asJson({ address: record.address, vrf: '', status: 'active', ...interfaceOf(record.ifIndex, context) }),
    })),
  arp: (records, context) => neighbours(records, context),
  ndp: (records, context) => neighbours(records, context),
  lldp: (records, context) =>
    records.flatMap((record) => {
      const interfaceName = record.localInterface ?? (record.localIfIndex === null ? null : (context.interfaceNames.get(record.localIfIndex) ?? null));
      const remoteChassisId = record.remoteChassisId ?? record.remoteSystemName;
      if (!interfaceName || !remoteChassisId) return [];
      return [
        {
          objectType: 'lldp_neighbour' as const,
          key: factsKeys.neighbour('lldp', interfaceName, remoteChassisId),
          detected: asJson({
            deviceId: context.deviceId,
            ...namedInterface(interfaceName, context),
            protocol: 'lldp',
            remoteChassisId,
            remoteSystemName: record.remoteSystemName ?? '',
            remotePort: record.remotePortId ?? record.remotePortDescription ?? '',
          }),
        },
      ];
    }),
  cdp: (records, context) =>
    records.flatMap((record) => {
      const interfaceName = context.interfaceNames.get(record.localIfIndex);
      if (!interfaceName || !record.remoteDeviceId) return [];
      return [
        {
          objectType: 'lldp_neighbour' as const,
          key: factsKeys.neighbour('cdp', interfaceName, record.remoteDeviceId),
          detected: asJson({
            deviceId: context.deviceId,
            ...namedInterface(interfaceName, context),
            protocol: 'cdp',
            // CDP has no chassis id: its device id is what names the neighbour.
            remoteChassisId: record.remoteDeviceId,
            remoteSystemName: record.remoteDeviceId,
            remotePort: record.remotePort ?? '',
          }),
        },
      ];
    }),
  mac_table: (records, context) =>
    records
      .filter((record) => record.status === 'learned')
      .map((record) => ({
        objectType: 'mac_entry',
        key: factsKeys.macEntry(record.vlan, record.mac),
        detected: asJson({ deviceId: context.deviceId, ...interfaceOf(record.ifIndex, context), vlan: record.vlan, mac: record.mac }),
      })),
  inventory: (records, { deviceId }) =>
    records.map((record) => {
      const name = record.name || `entPhysical ${record.entPhysicalIndex}`;
      return {
        objectType: 'inventory_item',
        key: name,
        detected: asJson({
          deviceId,
          name,
          class: itemClassOf(record.class),
          partId: record.partId ?? '',
          serial: record.serial ?? '',
          firmwareVersion: record.firmwareRev ?? '',
          softwareVersion: record.softwareRev ?? '',
          description: record.description ?? '',
        }),
      };
    }),
  // The inventory keeps no BGP sessions yet: every peer is reported, as new, for the report to show.
  bgp: (records) =>
    records.map((record) => ({
      objectType: 'bgp_peer',
      key: record.remoteAddress,
      detected: asJson({ ...record }),
    })),
};

function neighbours(records: readonly SnmpRecordTypes['arp'][], context: DetectContext): DetectedRecord[] {
  return records
    .filter((record) => record.type !== 'local')
    .map((record) => ({
      objectType: 'ip_neighbour',
      key: factsKeys.ipNeighbour('', record.ip),
      detected: asJson({ deviceId: context.deviceId, ...interfaceOf(record.ifIndex, context), ip: record.ip, mac: record.mac, vrf: '' }),
    }));
}

/** The record's interface by ifIndex: its id when the inventory holds it, and its name whenever it is known. */
function interfaceOf(ifIndex: number | null, context: DetectContext): { interfaceId: string | null; interfaceName?: string } {
  const name = ifIndex === null ? undefined : context.interfaceNames.get(ifIndex);
  return name === undefined ? { interfaceId: null } : namedInterface(name, context);
}

/** Named whatever the inventory holds, so a record on an interface the same report creates can still be applied. */
function namedInterface(name: string, context: DetectContext): { interfaceId: string | null; interfaceName: string } {
  return { interfaceId: context.interfaceIds.get(name.toLowerCase()) ?? null, interfaceName: name };
}


function itemClassOf(entityClass: string): InventoryItemClass {
  return (INVENTORY_ITEM_CLASSES as readonly string[]).includes(entityClass) ? (entityClass as InventoryItemClass) : 'other';
}
