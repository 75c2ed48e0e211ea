import type { InterfaceType } from '@yardmaster/contracts';
import type { CliItemClass } from './normalize/inventory-class';

/**
 * What a CLI collection finds on one device, in plain records with the inventory's units and spellings (MACs as
 * `aa:bb:cc:dd:ee:ff`, speeds in kbit/s, full interface names): the same facts the SNMP collectors find, keyed by
 * interface name rather than SNMP's ifIndex.
 */

/** The collector types a plan can run over SSH (SNMP has more: ndp, cdp, bgp). */
export const CLI_COLLECTOR_TYPES = ['facts', 'interfaces', 'ip_addresses', 'arp', 'lldp', 'mac_table', 'inventory'] as const;
export type CliCollectorType = (typeof CLI_COLLECTOR_TYPES)[number];

/** The inventory's interface types. */
export type InterfaceKind = InterfaceType;

export interface CliDeviceFacts {
  hostname: string | null;
  vendor: string;
  model: string | null;
  serial: string | null;
  osVersion: string | null;
  uptimeSeconds: number | null;
}

export interface CliInterface {
  name: string;
  type: InterfaceKind;
  /** Not administratively down. */
  enabled: boolean;
  /** Line protocol (or link) up. */
  operUp: boolean;
  mtu: number | null;
  /** kbit/s (the interface's bandwidth as the device states it). */
  speed: number | null;
  macAddress: string | null;
  description: string;
}

export interface CliIpAddress {
  /** With prefix length, e.g. `10.0.0.1/24`. */
  address: string;
  interfaceName: string | null;
  /** '' for the global (default) table. */
  vrf: string;
}

export interface CliArpEntry {
  ip: string;
  mac: string;
  interfaceName: string | null;
  vrf: string;
}

export interface CliLldpNeighbour {
  localInterface: string;
  remoteChassisId: string | null;
  remoteSystemName: string | null;
  remotePort: string | null;
}

export interface CliMacEntry {
  mac: string;
  vlan: number | null;
  interfaceName: string | null;
  /** Learned from traffic (not static, not the switch's own). */
  learned: boolean;
}

export interface CliInventoryItem {
  name: string;
  /** Told from the name and description (see itemClassOf). */
  class: CliItemClass;
  description: string;
  partId: string;
  serial: string;
  hardwareVersion: string;
}

export interface CliRecordTypes {
  facts: CliDeviceFacts;
  interfaces: CliInterface;
  ip_addresses: CliIpAddress;
  arp: CliArpEntry;
  lldp: CliLldpNeighbour;
  mac_table: CliMacEntry;
  inventory: CliInventoryItem;
}

/** One record as TextFSM gives it (ntc-templates' lower-case keys): text, or a List value's entries. */
export type ParsedRecord = Readonly<Record<string, unknown>>;

export interface CliWarning {
  code: 'BAD_VALUE' | 'NOTHING_FOUND';
  collector: CliCollectorType;
  message: string;
}

/** A collector type's records for one device, and what could not be read. */
export interface CliCollected<T> {
  records: T[];
  warnings: CliWarning[];
}
