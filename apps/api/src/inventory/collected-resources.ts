import { INTERFACE_TYPES, INVENTORY_ITEM_CLASSES, IP_ADDRESS_STATUSES, NEIGHBOUR_PROTOCOLS } from '@yardmaster/contracts';
import type { FilterParam } from './inventory-query';
import type { InventoryResource } from './inventory-resource';

type JsonSchema = Record<string, unknown>;

const ID: FilterParam = { param: 'id', field: 'id', kind: 'list', description: 'Ids, comma-separated or repeated' };
const DEVICE: FilterParam = { param: 'device', field: 'device', kind: 'text', description: "The device's id or name" };
const INTERFACE: FilterParam = { param: 'interface', field: 'interface', kind: 'text', description: "The interface's id" };
const UUID = { type: 'string', format: 'uuid' };
const MAC = { type: 'string', example: 'aa:bb:cc:dd:ee:ff', description: 'Also aabb.ccdd.eeff, AA-BB-CC-DD-EE-FF or aabbccddeeff; answered as aa:bb:cc:dd:ee:ff' };
const LAST_SEEN = { type: 'string', format: 'date-time', description: 'Defaults to the time of the write' };

function input(required: readonly string[], properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', required, additionalProperties: false, properties };
}

/** What collection plans find on devices, with the same REST shape as the models people enter. */
export const COLLECTED_RESOURCES: readonly InventoryResource[] = [
  {
    model: 'interface',
    path: 'interfaces',
    collection: 'interfaces',
    typeName: 'Interface',
    noun: 'interface',
    plural: 'interfaces',
    conflict: 'the device has an interface of this name',
    filters: [
      ID,
      { param: 'q', field: 'q', kind: 'text', description: 'Part of the name or description, any case' },
      DEVICE,
      { param: 'name', field: 'name', kind: 'text', description: 'The exact name' },
      { param: 'type', field: 'type', kind: { oneOf: INTERFACE_TYPES }, description: 'The type' },
      { param: 'enabled', field: 'enabled', kind: 'boolean', description: 'true or false' },
      { param: 'mac_address', field: 'macAddress', kind: 'text', description: 'A MAC address in any common form' },
    ],
    inputSchema: input(['deviceId', 'name'], {
      deviceId: UUID,
      name: { type: 'string', maxLength: 100, example: 'GigabitEthernet0/1' },
      type: { type: 'string', enum: INTERFACE_TYPES, default: 'other' },
      enabled: { type: 'boolean', default: true },
      mtu: { type: 'integer', minimum: 1, maximum: 65536, nullable: true },
      speed: { type: 'integer', minimum: 0, nullable: true, description: 'kbit/s: 1 Gbit/s is 1000000' },
      macAddress: { ...MAC, nullable: true },
      description: { type: 'string', maxLength: 200 },
      ifIndex: { type: 'integer', minimum: 1, nullable: true },
    }),
  },
  {
    model: 'ip_address',
    path: 'ip-addresses',
    collection: 'ipAddresses',
    typeName: 'IpAddress',
    noun: 'IP address',
    plural: 'IP addresses',
    conflict: 'the address is taken in this VRF (whatever its prefix length)',
    filters: [
      ID,
      { param: 'q', field: 'q', kind: 'text', description: 'Part of the address or DNS name, any case' },
      { ...DEVICE, description: "The id or name of the device of the address's interface" },
      INTERFACE,
      { param: 'address', field: 'address', kind: 'text', description: 'An address, with or without prefix length (matches any prefix length)' },
      { param: 'vrf', field: 'vrf', kind: 'text', description: 'The VRF ("" is the global table)' },
      { param: 'status', field: 'status', kind: { oneOf: IP_ADDRESS_STATUSES }, description: 'The status' },
      { param: 'dns_name', field: 'dnsName', kind: 'text', description: 'The exact DNS name' },
    ],
    inputSchema: input(['address'], {
      address: { type: 'string', example: '2001:db8::1/64', description: 'An IPv4 or IPv6 address with its prefix length, stored canonical' },
      vrf: { type: 'string', default: '' },
      status: { type: 'string', enum: IP_ADDRESS_STATUSES, default: 'active' },
      interfaceId: { ...UUID, nullable: true },
      dnsName: { type: 'string', maxLength: 255, default: '' },
    }),
  },
  {
    model: 'ip_neighbour',
    path: 'ip-neighbours',
    collection: 'ipNeighbours',
    typeName: 'IpNeighbour',
    noun: 'IP neighbour (ARP/NDP entry)',
    plural: 'IP neighbours (ARP/NDP entries)',
    conflict: 'the device has an entry for this IP address in this VRF',
    filters: [
      ID,
      DEVICE,
      INTERFACE,
      { param: 'ip', field: 'ip', kind: 'text', description: 'An IP address in any spelling' },
      { param: 'mac', field: 'mac', kind: 'text', description: 'A MAC address in any common form' },
      { param: 'vrf', field: 'vrf', kind: 'text', description: 'The VRF' },
    ],
    inputSchema: input(['deviceId', 'ip', 'mac'], {
      deviceId: UUID,
      interfaceId: { ...UUID, nullable: true },
      ip: { type: 'string', example: '192.0.2.5', description: 'IPv4 (ARP) or IPv6 (NDP), without prefix length' },
      mac: MAC,
      vrf: { type: 'string', default: '' },
      lastSeen: LAST_SEEN,
    }),
  },
  {
    model: 'mac_entry',
    path: 'mac-entries',
    collection: 'macEntries',
    typeName: 'MacEntry',
    noun: 'MAC table entry',
    plural: 'MAC table entries',
    conflict: 'the device has this MAC in this VLAN',
    filters: [ID, DEVICE, INTERFACE, { param: 'mac', field: 'mac', kind: 'text', description: 'A MAC address in any common form' }, { param: 'vlan', field: 'vlan', kind: 'text', description: 'A VLAN number' }],
    inputSchema: input(['deviceId', 'mac'], {
      deviceId: UUID,
      interfaceId: { ...UUID, nullable: true },
      vlan: { type: 'integer', minimum: 1, maximum: 4094, nullable: true },
      mac: MAC,
      lastSeen: LAST_SEEN,
    }),
  },
  {
    model: 'lldp_neighbour',
    path: 'lldp-neighbours',
    collection: 'lldpNeighbours',
    typeName: 'LldpNeighbour',
    noun: 'LLDP/CDP neighbour',
    plural: 'LLDP/CDP neighbours',
    conflict: 'the interface already has this neighbour (protocol, chassis id and port)',
    filters: [
      ID,
      DEVICE,
      INTERFACE,
      { param: 'protocol', field: 'protocol', kind: { oneOf: NEIGHBOUR_PROTOCOLS }, description: 'lldp or cdp' },
      { param: 'remote_system_name', field: 'remoteSystemName', kind: 'text', description: 'The exact remote system name' },
      { param: 'remote_chassis_id', field: 'remoteChassisId', kind: 'text', description: 'The exact remote chassis id' },
      { param: 'remote_device', field: 'remoteDevice', kind: 'text', description: "The matched remote device's id or name" },
    ],
    inputSchema: input(['deviceId', 'interfaceId', 'remoteChassisId', 'remotePort'], {
      deviceId: UUID,
      interfaceId: { ...UUID, description: 'The local interface, one of the device’s' },
      protocol: { type: 'string', enum: NEIGHBOUR_PROTOCOLS, default: 'lldp' },
      remoteChassisId: { type: 'string', maxLength: 255 },
      remoteSystemName: { type: 'string', maxLength: 255, default: '' },
      remotePort: { type: 'string', maxLength: 255 },
    }),
  },
  {
    model: 'inventory_item',
    path: 'inventory-items',
    collection: 'inventoryItems',
    typeName: 'InventoryItem',
    noun: 'inventory item',
    plural: 'inventory items',
    conflict: 'the device has an inventory item of this name',
    filters: [
      ID,
      { param: 'q', field: 'q', kind: 'text', description: 'Part of the name, description, part id or serial, any case' },
      DEVICE,
      { param: 'name', field: 'name', kind: 'text', description: 'The exact name' },
      { param: 'class', field: 'class', kind: { oneOf: INVENTORY_ITEM_CLASSES }, description: "ENTITY-MIB's class" },
      { param: 'serial', field: 'serial', kind: 'text', description: 'The exact serial' },
      { param: 'part_id', field: 'partId', kind: 'text', description: 'The exact part id' },
    ],
    inputSchema: input(['deviceId', 'name'], {
      deviceId: UUID,
      name: { type: 'string', maxLength: 255, example: 'Chassis' },
      class: { type: 'string', enum: INVENTORY_ITEM_CLASSES, default: 'unknown' },
      partId: { type: 'string', default: '' },
      serial: { type: 'string', default: '' },
      firmwareVersion: { type: 'string', default: '' },
      softwareVersion: { type: 'string', default: '' },
      description: { type: 'string', default: '' },
    }),
  },
];
