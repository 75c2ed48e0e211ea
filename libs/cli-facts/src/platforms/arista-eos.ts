import type { CliInterface, CliInventoryItem, CliIpAddress } from '../collected-facts';
import { fullInterfaceName, interfaceKindOfName } from '../normalize/interface-names';
import { addressWithPrefix, canonicalMac, integerIn, speedKbps, uptimeSeconds } from '../normalize/values';
import { itemClassOf } from '../normalize/inventory-class';
import { factsOfFirst, Findings, text, uniqueNames, type CliPlatform } from './cli-platform';
import { arpEntries, lldpNeighbours, macEntries } from './common-mappers';

/** Arista EOS (ntc-templates' `arista_eos`). */
export const ARISTA_EOS: CliPlatform = {
  driver: 'arista_eos',
  vendor: 'Arista',
  collectors: {
    facts: {
      // `show version` names no host: `show hostname` does.
      commands: ['show version', 'show hostname'],
      map: ([version = [], hostname = []]) =>
        factsOfFirst(version, (record) => ({
          hostname: (hostname[0] && text(hostname[0], 'hostname')) || null,
          vendor: 'Arista',
          model: text(record, 'model') || null,
          serial: text(record, 'serial_number') || null,
          osVersion: text(record, 'image') || null,
          uptimeSeconds: uptimeSeconds(text(record, 'uptime')),
        })),
    },
    interfaces: {
      commands: ['show interfaces'],
      map: ([rows = []]) => {
        const found = new Findings<CliInterface>('interfaces');
        for (const record of rows) {
          const name = fullInterfaceName(text(record, 'interface'));
          if (!name) continue;
          found.add({
            name,
            type: interfaceKindOfName(name),
            enabled: text(record, 'link_status').toLowerCase() !== 'administratively down',
            operUp: text(record, 'protocol_status').toLowerCase().startsWith('up'),
            mtu: integerIn(text(record, 'mtu')),
            speed: speedKbps(text(record, 'bandwidth')),
            macAddress: canonicalMac(text(record, 'mac_address')) ?? canonicalMac(text(record, 'bia')),
            description: text(record, 'description'),
          });
        }
        return found.done();
      },
    },
    ip_addresses: {
      commands: ['show ip interface brief'],
      map: ([rows = []]) => {
        const found = new Findings<CliIpAddress>('ip_addresses');
        for (const record of rows) {
          const ip = text(record, 'ip_address');
          if (!ip || ip === 'unassigned') continue;
          const interfaceName = fullInterfaceName(text(record, 'interface'));
          const address = addressWithPrefix(ip);
          if (address) found.add({ address, interfaceName, vrf: '' });
          else found.warn(`${interfaceName}: not an address with a prefix length: ${ip}`);
        }
        return found.done();
      },
    },
    arp: { commands: ['show ip arp'], map: ([rows = []]) => arpEntries(rows) },
    lldp: { commands: ['show lldp neighbors detail'], map: ([rows = []]) => lldpNeighbours(rows, ['neighbor_interface']) },
    mac_table: {
      commands: ['show mac address-table'],
      map: ([rows = []]) =>
        macEntries(rows, { mac: 'mac_address', vlan: 'vlan_id', port: 'destination_port', learned: (record) => text(record, 'type').toLowerCase() === 'dynamic' }),
    },
    inventory: {
      commands: ['show inventory'],
      map: ([rows = []]) => {
        // EOS lists the system, then power supplies, fans and ports by slot or port number, without names of their own.
        const found = new Findings<CliInventoryItem>('inventory');
        const items = rows
          .map((record) => {
            const port = text(record, 'port');
            const model = text(record, 'pid') || text(record, 'descr');
            return { name: port ? `${model} ${port}` : model, class: itemClassOf(text(record, 'descr'), text(record, 'pid')), description: text(record, 'descr'), partId: text(record, 'pid'), serial: text(record, 'sn'), hardwareVersion: text(record, 'vid') };
          })
          .filter((item) => item.name !== '');
        for (const item of uniqueNames(items)) found.add(item);
        return found.done();
      },
    },
  },
};
