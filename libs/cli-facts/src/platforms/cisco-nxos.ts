import type { CliIpAddress } from '../collected-facts';
import { fullInterfaceName } from '../normalize/interface-names';
import { addressWithPrefix, uptimeSeconds } from '../normalize/values';
import { factsOfFirst, Findings, list, text, type CliPlatform } from './cli-platform';
import { ciscoInterfaces } from './cisco-ios';
import { arpEntries, ciscoInventory, lldpNeighbours, macEntries, vrfOf } from './common-mappers';

/** Cisco NX-OS (ntc-templates' `cisco_nxos`). */
export const CISCO_NXOS: CliPlatform = {
  driver: 'cisco_nxos',
  vendor: 'Cisco',
  collectors: {
    facts: {
      commands: ['show version'],
      map: ([version = []]) =>
        factsOfFirst(version, (record) => ({
          hostname: text(record, 'hostname') || null,
          vendor: 'Cisco',
          model: text(record, 'platform') || null,
          serial: text(record, 'serial') || null,
          osVersion: text(record, 'os') || null,
          uptimeSeconds: uptimeSeconds(text(record, 'uptime')),
        })),
    },
    interfaces: { commands: ['show interface'], map: ([rows = []]) => ciscoInterfaces(rows, 'interfaces') },
    ip_addresses: {
      commands: ['show ip interface vrf all'],
      map: ([rows = []]) => {
        const found = new Findings<CliIpAddress>('ip_addresses');
        for (const record of rows) {
          const interfaceName = fullInterfaceName(text(record, 'interface'));
          const vrf = vrfOf(text(record, 'vrf'));
          // The primary address's prefix length is the subnet's (`192.168.101.0/24`); secondaries have subnets of their own.
          const pairs: [string, string][] = [[text(record, 'ip_address'), text(record, 'subnet')]];
          const secondarySubnets = list(record, 'secondary_ip_subnet');
          list(record, 'secondary_ip_address').forEach((ip, index) => pairs.push([ip, secondarySubnets[index] ?? '']));
          for (const [ip, subnet] of pairs) {
            if (!ip) continue;
            const address = addressWithPrefix(ip, subnet.split('/')[1]);
            if (address) found.add({ address, interfaceName, vrf });
            else found.warn(`${interfaceName}: no prefix length for ${ip} (subnet ${JSON.stringify(subnet)})`);
          }
        }
        return found.done();
      },
    },
    arp: { commands: ['show ip arp'], map: ([rows = []]) => arpEntries(rows) },
    lldp: { commands: ['show lldp neighbors detail'], map: ([rows = []]) => lldpNeighbours(rows, ['neighbor_interface']) },
    mac_table: {
      commands: ['show mac address-table'],
      map: ([rows = []]) => macEntries(rows, { mac: 'mac_address', vlan: 'vlan_id', port: 'ports', learned: (record) => text(record, 'type').toLowerCase() === 'dynamic' }),
    },
    inventory: { commands: ['show inventory'], map: ([rows = []]) => ciscoInventory(rows) },
  },
};
