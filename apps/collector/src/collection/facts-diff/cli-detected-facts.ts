import type { CliCollectorType, CliRecordTypes } from '@yardmaster/cli-facts';
import { asJson, factsKeys, mtuOf, type DetectedRecord } from './facts-records';

/** What CLI records refer to on their device: its id, and its interfaces by lower-case name (the inventory's ids). */
export interface CliDetectContext {
  readonly deviceId: string;
  readonly interfaceIds: ReadonlyMap<string, string>;
}

type Detect<T extends CliCollectorType> = (records: readonly CliRecordTypes[T][], context: CliDetectContext) => DetectedRecord[];

/**
 * CLI records in the inventory models' input shapes, keyed as the SNMP detectors key theirs (`detected-facts.ts`), so
 * one device's facts meet the same inventory records whichever protocol collected them. CLI output names interfaces,
 * not SNMP's ifIndex: interfaces carry no `ifIndex` (an update leaves the stored one as it is), and records on an
 * interface carry its name for the apply to resolve, as SNMP's do.
 */
export const CLI_DETECTORS: { [T in CliCollectorType]: Detect<T> } = {
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
        description: record.description,
      }),
    })),
  ip_addresses: (records, context) =>
    records.map((record) => ({
      objectType: 'ip_address',
      key: factsKeys.ipAddress(record.vrf, record.address),
      detected: asJson({ address: record.address, vrf: record.vrf, status: 'active', ...onInterface(record.interfaceName, context) }),
    })),
  arp: (records, context) =>
    records.map((record) => ({
      objectType: 'ip_neighbour',
      key: factsKeys.ipNeighbour(record.vrf, record.ip),
      detected: asJson({ deviceId: context.deviceId, ...onInterface(record.interfaceName, context), ip: record.ip, mac: record.mac, vrf: record.vrf }),
    })),
  lldp: (records, context) =>
    records.flatMap((record) => {
      const remoteChassisId = record.remoteChassisId ?? record.remoteSystemName;
      if (!remoteChassisId) return [];
      return [
        {
          objectType: 'lldp_neighbour' as const,
          key: factsKeys.neighbour('lldp', record.localInterface, remoteChassisId),
          detected: asJson({
            deviceId: context.deviceId,
            ...onInterface(record.localInterface, context),
            protocol: 'lldp',
            remoteChassisId,
            remoteSystemName: record.remoteSystemName ?? '',
            remotePort: record.remotePort ?? '',
          }),
        },
      ];
    }),
  mac_table: (records, context) =>
    records
      .filter((record) => record.learned)
      .map((record) => ({
        objectType: 'mac_entry',
        key: factsKeys.macEntry(record.vlan, record.mac),
        detected: asJson({ deviceId: context.deviceId, ...onInterface(record.interfaceName, context), vlan: record.vlan, mac: record.mac }),
      })),
  inventory: (records, { deviceId }) =>
    records.map((record) => ({
      objectType: 'inventory_item',
      key: record.name,
      detected: asJson({
        deviceId,
        name: record.name,
        class: record.class,
        partId: record.partId,
        serial: record.serial,
        firmwareVersion: '',
        softwareVersion: '',
        description: record.description,
      }),
    })),
};

/** The record's interface: its id when the inventory holds it, and its name for the apply whenever it is known. */
function onInterface(name: string | null, context: CliDetectContext): { interfaceId: string | null; interfaceName?: string } {
  if (!name) return { interfaceId: null };
  return { interfaceId: context.interfaceIds.get(name.toLowerCase()) ?? null, interfaceName: name };
}
