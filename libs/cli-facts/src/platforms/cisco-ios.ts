import type { CliInterface, CliIpAddress, ParsedRecord } from '../collected-facts';
import { fullInterfaceName, interfaceKindOfName } from '../normalize/interface-names';
import { addressWithPrefix, canonicalMac, firstOf, integerIn, speedKbps, uptimeSeconds } from '../normalize/values';
import { factsOfFirst, Findings, list, text, type CliPlatform } from './cli-platform';
import { arpEntries, ciscoInventory, lldpNeighbours, macEntries, vrfOf } from './common-mappers';

/** Cisco IOS and IOS-XE (ntc-templates' `cisco_ios`). */
export const CISCO_IOS: CliPlatform = {
  driver: 'cisco_ios',
  vendor: 'Cisco',
  collectors: {
    facts: {
      commands: ['show version'],
      map: ([version = []]) =>
        factsOfFirst(version, (record) => ({
          hostname: text(record, 'hostname') || null,
          vendor: 'Cisco',
          model: firstOf(record['hardware'] as string[] | undefined) || null,
          serial: firstOf(record['serial'] as string[] | undefined) || null,
          osVersion: text(record, 'version') || null,
          uptimeSeconds: uptimeSeconds(text(record, 'uptime')),
        })),
    },
    interfaces: { commands: ['show interfaces'], map: ([rows = []]) => ciscoInterfaces(rows, 'interfaces') },
    ip_addresses: {
      commands: ['show ip interface'],
      map: ([rows = []]) => {
        const found = new Findings<CliIpAddress>('ip_addresses');
        for (const record of rows) {
          const interfaceName = fullInterfaceName(text(record, 'interface'));
          const lengths = list(record, 'prefix_length');
          list(record, 'ip_address').forEach((ip, index) => {
            const address = addressWithPrefix(ip, lengths[index]);
            if (address) found.add({ address, interfaceName, vrf: vrfOf(text(record, 'vrf')) });
            else found.warn(`${interfaceName}: not an address with a prefix length: ${ip}/${lengths[index] ?? '?'}`);
          });
        }
        return found.done();
      },
    },
    // An age of `-` is the router's own address on that interface, not a neighbour.
    arp: { commands: ['show ip arp'], map: ([rows = []]) => arpEntries(rows, { skip: (record) => text(record, 'age') === '-' }) },
    lldp: { commands: ['show lldp neighbors detail'], map: ([rows = []]) => lldpNeighbours(rows, ['neighbor_port_id', 'neighbor_interface']) },
    mac_table: {
      commands: ['show mac-address-table'],
      map: ([rows = []]) =>
        macEntries(rows, { mac: 'destination_address', vlan: 'vlan_id', port: 'destination_port', learned: (record) => /^dynamic/i.test(text(record, 'type')) }),
    },
    inventory: { commands: ['show inventory'], map: ([rows = []]) => ciscoInventory(rows) },
  },
};

/**
 * `show interfaces` (IOS) and `show interface` (NX-OS): `link_status` says `administratively down` for a shut
 * interface (NX-OS also has `admin_state`), `protocol_status` (IOS) or `link_status` (NX-OS) whether it is up.
 */
export function ciscoInterfaces(rows: readonly ParsedRecord[], collector: 'interfaces') {
  const found = new Findings<CliInterface>(collector);
  for (const record of rows) {
    const name = fullInterfaceName(text(record, 'interface'));
    if (!name) continue;
    const link = text(record, 'link_status').toLowerCase();
    const adminState = text(record, 'admin_state').toLowerCase();
    const protocol = text(record, 'protocol_status').toLowerCase() || link;
    found.add({
      name,
      type: interfaceKindOfName(name),
      // NX-OS: `up`, `down, autostate enabled`, and a cut-off `u`; IOS: `administratively down`; NX-OS: `down (Administratively down)`.
      enabled: adminState ? adminState.startsWith('u') : !link.includes('administratively down') && link !== 'deleted',
      operUp: protocol.startsWith('up'),
      mtu: integerIn(text(record, 'mtu')),
      speed: speedKbps(text(record, 'bandwidth')),
      macAddress: canonicalMac(text(record, 'mac_address')) ?? canonicalMac(text(record, 'bia')),
      description: text(record, 'description'),
    });
  }
  return found.done();
}
