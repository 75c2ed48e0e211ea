import type { CliInterface, CliInventoryItem, CliIpAddress, ParsedRecord } from '../collected-facts';
import { interfaceKindOfName } from '../normalize/interface-names';
import { addressWithPrefix, integerIn } from '../normalize/values';
import { itemClassOf } from '../normalize/inventory-class';
import { factsOfFirst, Findings, text, uniqueNames, type CliPlatform } from './cli-platform';
import { arpEntries, lldpNeighbours, macEntries } from './common-mappers';

/** Juniper Junos (ntc-templates' `juniper_junos`). */
export const JUNIPER_JUNOS: CliPlatform = {
  driver: 'juniper_junos',
  vendor: 'Juniper',
  collectors: {
    facts: {
      // `show version` has no uptime: `show system uptime` gives the current and the boot time.
      commands: ['show version', 'show system uptime'],
      map: ([version = [], uptime = []]) =>
        factsOfFirst(version, (record) => ({
          hostname: text(record, 'hostname') || null,
          vendor: 'Juniper',
          model: text(record, 'model') || null,
          serial: text(record, 'serial_number') || null,
          osVersion: text(record, 'junos_version') || null,
          uptimeSeconds: uptime[0] ? secondsSinceBoot(uptime[0]) : null,
        })),
    },
    interfaces: {
      commands: ['show interfaces'],
      map: ([rows = []]) => {
        const found = new Findings<CliInterface>('interfaces');
        for (const record of rows) {
          const name = text(record, 'interface');
          if (!name) continue;
          const adminState = text(record, 'admin_state');
          found.add({
            name,
            type: interfaceKindOfName(name),
            // Logical units (`ge-0/0/0.2036`) state no admin state of their own.
            enabled: adminState === '' || adminState.toLowerCase() === 'enabled',
            operUp: text(record, 'link_status').toLowerCase() === 'up',
            // `Unlimited` on tunnels and lo0.
            mtu: integerIn(text(record, 'mtu')),
            speed: null,
            macAddress: null,
            description: text(record, 'description'),
          });
        }
        return found.done();
      },
    },
    ip_addresses: {
      commands: ['show interfaces'],
      map: ([rows = []]) => {
        const found = new Findings<CliIpAddress>('ip_addresses');
        for (const record of rows) {
          const local = text(record, 'local');
          if (!local) continue;
          // `Destination: 10.10.199.176/29, Local: 10.10.199.180`; a host address (lo0) has no destination.
          const destination = text(record, 'destination');
          const length = destination.includes('/') ? destination.split('/')[1] : local.includes(':') ? '128' : '32';
          const interfaceName = text(record, 'interface');
          const address = addressWithPrefix(local, length);
          if (address) found.add({ address, interfaceName, vrf: '' });
          else found.warn(`${interfaceName}: not an address: ${local} (destination ${JSON.stringify(destination)})`);
        }
        return found.done();
      },
    },
    arp: { commands: ['show arp no-resolve'], map: ([rows = []]) => arpEntries(rows) },
    lldp: { commands: ['show lldp neighbors'], map: ([rows = []]) => lldpNeighbours(rows, ['neighbor_interface']) },
    mac_table: {
      commands: ['show ethernet-switching table'],
      // Flags: D dynamic, S static, L locally learned, R remote (EVPN); a dynamic entry is learned wherever it was.
      map: ([rows = []]) => macEntries(rows, { mac: 'mac_address', vlan: 'vlan_id', port: 'logical_interface', learned: (record) => text(record, 'mac_flag').includes('D') }),
    },
    inventory: { commands: ['show chassis hardware'], map: ([rows = []]) => chassisHardware(rows) },
  },
};

/** What the template's field prefixes stand for in `show chassis hardware`. */
const HARDWARE_LABELS: Record<string, string> = {
  chassis: 'Chassis',
  mid: 'Midplane',
  fpm: 'FPM',
  ps: 'Power Supply',
  re: 'Routing Engine',
  cb: 'CB',
  cpu: 'CPU',
  fpc: 'FPC',
  mic: 'MIC',
  pic: 'PIC',
  xcvr: 'Xcvr',
  fan: 'Fan Tray',
  afeb: 'AFEB',
  tfeb: 'TFEB',
  qxm: 'QXM',
};

/** Each row of ntc-templates' `show chassis hardware` fills the fields of one kind of part (`ps_part`, `ps_serial_number`, …). */
function chassisHardware(rows: readonly ParsedRecord[]) {
  const found = new Findings<CliInventoryItem>('inventory');
  const items: CliInventoryItem[] = [];
  for (const record of rows) {
    const prefix = Object.keys(HARDWARE_LABELS).find((candidate) => ['description', 'part', 'serial_number', 'number'].some((field) => text(record, `${candidate}_${field}`) !== ''));
    if (!prefix) continue;
    const field = (name: string) => text(record, `${prefix}_${name}`);
    const number = field('number');
    items.push({
      name: number ? `${HARDWARE_LABELS[prefix]} ${number}` : HARDWARE_LABELS[prefix],
      class: itemClassOf(HARDWARE_LABELS[prefix], field('description')),
      description: field('description'),
      partId: field('part'),
      serial: field('serial_number'),
      hardwareVersion: field('version'),
    });
  }
  for (const item of uniqueNames(items)) found.add(item);
  return found.done();
}

/** `show system uptime`'s current time minus its boot time (both as the device's clock and zone give them). */
function secondsSinceBoot(record: ParsedRecord): number | null {
  const at = (prefix: string) => {
    const [hours, minutes, seconds] = text(record, `${prefix}time`).split(':').map(Number);
    const date = Date.UTC(Number(text(record, `${prefix}year`)), Number(text(record, `${prefix}month`)) - 1, Number(text(record, `${prefix}day`)), hours, minutes, seconds);
    return Number.isFinite(date) ? date : null;
  };
  const now = at('');
  const boot = at('boot_');
  return now !== null && boot !== null && now >= boot ? Math.round((now - boot) / 1000) : null;
}
