import type { SnmpSession } from '../session/snmp-session';
import { collectBgp, type SnmpBgpPeer } from './bgp/collect-bgp';
import { collectCdp, type SnmpCdpNeighbour } from './cdp/collect-cdp';
import type { Collected, SnmpCollectorType } from './collected';
import { collectFacts, type SnmpDeviceFacts } from './facts/collect-facts';
import { collectInterfaces, type SnmpInterface } from './interfaces/collect-interfaces';
import { collectInventory, type SnmpInventoryItem } from './inventory/collect-inventory';
import { collectIpAddresses, type SnmpIpAddress } from './ip-addresses/collect-ip-addresses';
import { collectLldp, type SnmpLldpNeighbour } from './lldp/collect-lldp';
import { collectMacTable, type SnmpMacTableEntry } from './mac-table/collect-mac-table';
import { collectArp, collectNdp, type SnmpNeighbourEntry } from './neighbours/collect-neighbours';

/** The record type each collector returns. */
export interface SnmpRecordTypes {
  facts: SnmpDeviceFacts;
  interfaces: SnmpInterface;
  ip_addresses: SnmpIpAddress;
  arp: SnmpNeighbourEntry;
  ndp: SnmpNeighbourEntry;
  lldp: SnmpLldpNeighbour;
  mac_table: SnmpMacTableEntry;
  inventory: SnmpInventoryItem;
  cdp: SnmpCdpNeighbour;
  bgp: SnmpBgpPeer;
}

export const SNMP_COLLECTORS: { [T in SnmpCollectorType]: (session: SnmpSession) => Promise<Collected<SnmpRecordTypes[T]>> } = {
  facts: collectFacts,
  interfaces: collectInterfaces,
  ip_addresses: collectIpAddresses,
  arp: collectArp,
  ndp: collectNdp,
  lldp: collectLldp,
  mac_table: collectMacTable,
  inventory: collectInventory,
  cdp: collectCdp,
  bgp: collectBgp,
};

export const SNMP_COLLECTOR_TYPES = Object.keys(SNMP_COLLECTORS) as SnmpCollectorType[];

/**
 * The OID subtrees the collectors read, for whoever needs to know what a collection touches (the test simulator
 * serves only these; a firewall rule or an SNMP view can be written from them).
 */
export const COLLECTED_SUBTREES = [
  '1.3.6.1.2.1.1', // SNMPv2-MIB system
  '1.3.6.1.2.1.2.2', // IF-MIB ifTable
  '1.3.6.1.2.1.31.1.1', // IF-MIB ifXTable
  '1.3.6.1.2.1.4.20', // IP-MIB ipAddrTable
  '1.3.6.1.2.1.4.22', // IP-MIB ipNetToMediaTable
  '1.3.6.1.2.1.4.34', // IP-MIB ipAddressTable
  '1.3.6.1.2.1.4.35', // IP-MIB ipNetToPhysicalTable
  '1.3.6.1.2.1.15', // BGP4-MIB
  '1.3.6.1.2.1.17.1.4', // BRIDGE-MIB dot1dBasePortTable
  '1.3.6.1.2.1.17.4.3', // BRIDGE-MIB dot1dTpFdbTable
  '1.3.6.1.2.1.17.7.1.2.2', // Q-BRIDGE-MIB dot1qTpFdbTable
  '1.3.6.1.2.1.47.1.1.1', // ENTITY-MIB entPhysicalTable
  '1.0.8802.1.1.2.1.3.7', // LLDP-MIB lldpLocPortTable
  '1.0.8802.1.1.2.1.4.1', // LLDP-MIB lldpRemTable
  '1.3.6.1.4.1.9.9.23.1.2.1', // CISCO-CDP-MIB cdpCacheTable
  '1.3.6.1.4.1.2636.3.1.2', // JUNIPER-MIB jnxBoxDescr
  '1.3.6.1.4.1.2636.3.1.3', // JUNIPER-MIB jnxBoxSerialNo
] as const;
