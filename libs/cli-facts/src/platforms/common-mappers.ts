import type { CliArpEntry, CliInventoryItem, CliLldpNeighbour, CliMacEntry, ParsedRecord } from '../collected-facts';
import { fullInterfaceName } from '../normalize/interface-names';
import { canonicalMac, textOrEmpty, vlanId } from '../normalize/values';
import { itemClassOf } from '../normalize/inventory-class';
import { Findings, list, text, uniqueNames } from './cli-platform';

/** ARP rows with ntc-templates' `ip_address`, `mac_address`, `interface` (IOS, NX-OS, EOS, Junos). */
export function arpEntries(records: readonly ParsedRecord[], options: { skip?: (record: ParsedRecord) => boolean } = {}) {
  const found = new Findings<CliArpEntry>('arp');
  for (const record of records) {
    if (options.skip?.(record)) continue;
    const ip = text(record, 'ip_address');
    const mac = canonicalMac(text(record, 'mac_address'));
    // An incomplete entry has no MAC yet: nothing to record.
    if (!ip || !mac) continue;
    // EOS names the SVI and the port behind it: `Vlan101, Port-Channel2`. The address lives on the first.
    const interfaceName = textOrEmpty(text(record, 'interface').split(',')[0]);
    found.add({ ip, mac, interfaceName: interfaceName ? fullInterfaceName(interfaceName) : null, vrf: vrfOf(text(record, 'vrf')) });
  }
  return found.done();
}

/** LLDP neighbours with `local_interface`, `chassis_id`, `neighbor_name` and the port (`neighbor_port_id` first, as SNMP's lldpRemPortId). */
export function lldpNeighbours(records: readonly ParsedRecord[], portKeys: readonly string[]) {
  const found = new Findings<CliLldpNeighbour>('lldp');
  for (const record of records) {
    const localInterface = text(record, 'local_interface');
    if (!localInterface) continue;
    const chassis = text(record, 'chassis_id');
    const port = portKeys.map((key) => text(record, key)).find((value) => value !== '') ?? '';
    found.add({
      localInterface: fullInterfaceName(localInterface),
      remoteChassisId: chassis ? (canonicalMac(chassis) ?? chassis) : null,
      remoteSystemName: text(record, 'neighbor_name') || null,
      remotePort: port || null,
    });
  }
  return found.done();
}

/** MAC table rows; `learned` decides from the row's type column what the platform calls learned. */
export function macEntries(records: readonly ParsedRecord[], fields: { mac: string; vlan: string; port: string; learned: (record: ParsedRecord) => boolean }) {
  const found = new Findings<CliMacEntry>('mac_table');
  for (const record of records) {
    const mac = canonicalMac(text(record, fields.mac));
    if (!mac) {
      found.warn(`MAC table: not a MAC address: ${JSON.stringify(text(record, fields.mac))}`);
      continue;
    }
    const port = list(record, fields.port)[0] ?? '';
    found.add({ mac, vlan: vlanId(text(record, fields.vlan)), interfaceName: physicalPort(port), learned: fields.learned(record) });
  }
  return found.done();
}

/** Cisco-style `show inventory` rows: `name`, `descr`, `pid`, `vid`, `sn`. */
export function ciscoInventory(records: readonly ParsedRecord[]) {
  const found = new Findings<CliInventoryItem>('inventory');
  const items = records
    .map((record) => ({
      name: text(record, 'name') || text(record, 'descr') || text(record, 'pid'),
      class: itemClassOf(text(record, 'name'), text(record, 'descr')),
      description: text(record, 'descr'),
      partId: text(record, 'pid'),
      serial: text(record, 'sn'),
      hardwareVersion: text(record, 'vid'),
    }))
    .filter((item) => item.name !== '');
  for (const item of uniqueNames(items)) found.add(item);
  return found.done();
}

/** '' for the global table, whatever the platform calls it. */
export function vrfOf(vrf: string): string {
  return vrf === '' || vrf.toLowerCase() === 'default' ? '' : vrf;
}

/** A MAC table's port, or null for the switch's own (`CPU`, `Router`, `sup-eth1(R)`, `Switch`) and for none. */
function physicalPort(port: string): string | null {
  const name = port.trim();
  if (!name || /^(cpu|router|switch|sup-|drop|vpc peer-link)/i.test(name) || name.includes('(R)')) return null;
  return fullInterfaceName(name);
}
