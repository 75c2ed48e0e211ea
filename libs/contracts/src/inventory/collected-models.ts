/**
 * What collection plans find on devices and keep in the inventory beside the devices themselves: interfaces, IP
 * addresses, ARP/NDP neighbours, the MAC address table, LLDP/CDP neighbours and ENTITY-MIB inventory items.
 * Each hangs off a device (an IP address through its interface) and goes when the device goes. MAC addresses
 * are stored as `aa:bb:cc:dd:ee:ff`, IP addresses in RFC 5952 text; inputs in other common forms are
 * canonicalised on write. Times are ISO 8601 text.
 */
interface CollectedRecordBase {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const INTERFACE_TYPES = ['ethernet', 'lag', 'virtual', 'loopback', 'other'] as const;
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

/** NetBox's IP address statuses. */
export const IP_ADDRESS_STATUSES = ['active', 'reserved', 'deprecated', 'dhcp', 'slaac'] as const;
export type IpAddressStatus = (typeof IP_ADDRESS_STATUSES)[number];

export const NEIGHBOUR_PROTOCOLS = ['lldp', 'cdp'] as const;
export type NeighbourProtocol = (typeof NEIGHBOUR_PROTOCOLS)[number];

/** ENTITY-MIB's `PhysicalClass`, in its own spelling. */
export const INVENTORY_ITEM_CLASSES = ['other', 'unknown', 'chassis', 'backplane', 'container', 'powerSupply', 'fan', 'sensor', 'module', 'port', 'stack', 'cpu'] as const;
export type InventoryItemClass = (typeof INVENTORY_ITEM_CLASSES)[number];

export interface Interface extends CollectedRecordBase {
  readonly deviceId: string;
  /** Unique per device, e.g. `GigabitEthernet0/1`. */
  readonly name: string;
  readonly type: InterfaceType;
  readonly enabled: boolean;
  readonly mtu: number | null;
  /** In kbit/s, as NetBox keeps it: 1 Gbit/s is 1000000. */
  readonly speed: number | null;
  readonly macAddress: string | null;
  readonly description: string;
  /** IF-MIB's ifIndex, when collected over SNMP. */
  readonly ifIndex: number | null;
}

export interface IpAddressRecord extends CollectedRecordBase {
  /** With its prefix length, e.g. `10.0.0.1/24`, `2001:db8::1/64`; unique (whatever the prefix length) per VRF. */
  readonly address: string;
  /** The VRF's name; "" is the global table. */
  readonly vrf: string;
  readonly status: IpAddressStatus;
  readonly interfaceId: string | null;
  /** The interface's device; null when the address is on no interface. Read only. */
  readonly deviceId: string | null;
  readonly dnsName: string;
}

/** One ARP (IPv4) or NDP (IPv6) entry of a device. */
export interface IpNeighbour extends CollectedRecordBase {
  readonly deviceId: string;
  readonly interfaceId: string | null;
  /** An address without prefix length; unique per device and VRF. */
  readonly ip: string;
  readonly mac: string;
  readonly vrf: string;
  readonly lastSeen: string;
}

/** One entry of a device's MAC address table (BRIDGE-MIB / Q-BRIDGE-MIB). */
export interface MacEntry extends CollectedRecordBase {
  readonly deviceId: string;
  readonly interfaceId: string | null;
  /** 1 to 4094; null when the device keeps one table for all VLANs. */
  readonly vlan: number | null;
  readonly mac: string;
  readonly lastSeen: string;
}

/** A neighbour an interface sees over LLDP or CDP, and the inventory's device and interface that match it by name. */
export interface LldpNeighbour extends CollectedRecordBase {
  readonly deviceId: string;
  readonly interfaceId: string;
  readonly protocol: NeighbourProtocol;
  readonly remoteChassisId: string;
  readonly remoteSystemName: string;
  readonly remotePort: string;
  /** Resolved on write: the one device named `remoteSystemName` (or its first label, `sw1` of `sw1.example.net`). Read only. */
  readonly remoteDeviceId: string | null;
  /** Resolved on write: the remote device's interface named `remotePort`, any case. Read only. */
  readonly remoteInterfaceId: string | null;
}

/** A physical part of a device as ENTITY-MIB's entPhysicalTable lists it. */
export interface InventoryItem extends CollectedRecordBase {
  readonly deviceId: string;
  /** Unique per device. */
  readonly name: string;
  readonly class: InventoryItemClass;
  readonly partId: string;
  readonly serial: string;
  readonly firmwareVersion: string;
  readonly softwareVersion: string;
  readonly description: string;
}

/** What a facts collection found about the device itself; every field null until one has run. */
export interface DeviceFacts {
  readonly vendor: string | null;
  readonly model: string | null;
  readonly serial: string | null;
  readonly osVersion: string | null;
  readonly hostname: string | null;
  /** Seconds since the device started, when collected. */
  readonly uptime: number | null;
  readonly lastCollectedAt: string | null;
}

/** What `recordDeviceFacts` takes: fields left out stay as they are; `lastCollectedAt` defaults to now. */
export type DeviceFactsInput = Partial<DeviceFacts>;

export interface InterfaceInput {
  readonly deviceId: string;
  readonly name: string;
  readonly type?: InterfaceType;
  readonly enabled?: boolean;
  readonly mtu?: number | null;
  readonly speed?: number | null;
  readonly macAddress?: string | null;
  readonly description?: string;
  readonly ifIndex?: number | null;
}

export interface IpAddressInput {
  readonly address: string;
  readonly vrf?: string;
  readonly status?: IpAddressStatus;
  readonly interfaceId?: string | null;
  readonly dnsName?: string;
}

export interface IpNeighbourInput {
  readonly deviceId: string;
  readonly interfaceId?: string | null;
  readonly ip: string;
  readonly mac: string;
  readonly vrf?: string;
  /** Defaults to now. */
  readonly lastSeen?: string;
}

export interface MacEntryInput {
  readonly deviceId: string;
  readonly interfaceId?: string | null;
  readonly vlan?: number | null;
  readonly mac: string;
  readonly lastSeen?: string;
}

export interface LldpNeighbourInput {
  readonly deviceId: string;
  readonly interfaceId: string;
  readonly protocol?: NeighbourProtocol;
  readonly remoteChassisId: string;
  readonly remoteSystemName?: string;
  readonly remotePort: string;
}

export interface InventoryItemInput {
  readonly deviceId: string;
  readonly name: string;
  readonly class?: InventoryItemClass;
  readonly partId?: string;
  readonly serial?: string;
  readonly firmwareVersion?: string;
  readonly softwareVersion?: string;
  readonly description?: string;
}

/** `device` takes a device's id or name (any device of that name, at any site); `interface` an interface's id. */
export interface CollectedFilter {
  readonly id?: readonly string[];
  readonly device?: string;
}

export interface InterfaceFilter extends CollectedFilter {
  readonly q?: string;
  readonly name?: string;
  readonly type?: InterfaceType;
  readonly enabled?: boolean;
  readonly macAddress?: string;
}

export interface IpAddressFilter extends CollectedFilter {
  /** Part of the address or DNS name, any case. */
  readonly q?: string;
  readonly interface?: string;
  /** An address with or without prefix length; matches whatever the prefix length. */
  readonly address?: string;
  readonly vrf?: string;
  readonly status?: IpAddressStatus;
  readonly dnsName?: string;
}

export interface IpNeighbourFilter extends CollectedFilter {
  readonly interface?: string;
  readonly ip?: string;
  readonly mac?: string;
  readonly vrf?: string;
}

export interface MacEntryFilter extends CollectedFilter {
  readonly interface?: string;
  readonly mac?: string;
  /** A VLAN number as text, e.g. "10". */
  readonly vlan?: string;
}

export interface LldpNeighbourFilter extends CollectedFilter {
  readonly interface?: string;
  readonly protocol?: NeighbourProtocol;
  readonly remoteSystemName?: string;
  readonly remoteChassisId?: string;
  /** The matched remote device's id or name. */
  readonly remoteDevice?: string;
}

export interface InventoryItemFilter extends CollectedFilter {
  readonly q?: string;
  readonly name?: string;
  readonly class?: InventoryItemClass;
  readonly serial?: string;
  readonly partId?: string;
}
