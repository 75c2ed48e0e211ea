import type {
  DeviceFacts,
  Interface,
  InterfaceFilter,
  InterfaceInput,
  InventoryItem,
  InventoryItemFilter,
  InventoryItemInput,
  IpAddressFilter,
  IpAddressInput,
  IpAddressRecord,
  IpNeighbour,
  IpNeighbourFilter,
  IpNeighbourInput,
  LldpNeighbour,
  LldpNeighbourFilter,
  LldpNeighbourInput,
  MacEntry,
  MacEntryFilter,
  MacEntryInput,
} from './collected-models';

/**
 * The inventory jobs act on: sites, device roles, platforms, tags, devices and what collection plans find on
 * devices (see `collected-models.ts`). It is primary data (people and
 * jobs write it), not a projection of events. Ids are UUIDs; references between records are by id.
 */
export const INVENTORY_MODELS = ['site', 'device_role', 'platform', 'tag', 'device', 'interface', 'ip_address', 'ip_neighbour', 'mac_entry', 'lldp_neighbour', 'inventory_item'] as const;
export type InventoryModel = (typeof INVENTORY_MODELS)[number];

export function isInventoryModel(value: unknown): value is InventoryModel {
  return typeof value === 'string' && (INVENTORY_MODELS as readonly string[]).includes(value);
}

export const SITE_STATUSES = ['planned', 'staging', 'active', 'decommissioning', 'retired'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const DEVICE_STATUSES = ['planned', 'staged', 'active', 'offline', 'failed', 'inventory', 'decommissioning'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const MANAGEMENT_PROTOCOLS = ['ssh', 'netconf', 'snmp', 'https', 'telnet'] as const;
export type ManagementProtocol = (typeof MANAGEMENT_PROTOCOLS)[number];

interface InventoryRecordBase {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Site extends InventoryRecordBase {
  readonly name: string;
  readonly slug: string;
  readonly status: SiteStatus;
  readonly description: string;
}

export interface DeviceRole extends InventoryRecordBase {
  readonly name: string;
  readonly slug: string;
  /** Six hex digits without `#`, as NetBox shows roles. */
  readonly color: string;
  readonly description: string;
}

export interface Platform extends InventoryRecordBase {
  readonly name: string;
  readonly slug: string;
  /** The driver a collector uses to talk to it, e.g. `cisco_ios`, `arista_eos`, `juniper_junos`; "" when none. */
  readonly networkDriver: string;
  readonly description: string;
}

export interface Tag extends InventoryRecordBase {
  readonly name: string;
  readonly slug: string;
  readonly color: string;
  readonly description: string;
}

/**
 * How a collector reaches a device. Never a secret: `credentialsRef` names a credential set kept outside the
 * inventory (the collector's secret store), so the inventory can be read by anyone allowed to see devices.
 */
export interface ManagementSettings {
  readonly protocol: ManagementProtocol;
  readonly port: number;
  readonly credentialsRef: string | null;
}

export interface Device extends InventoryRecordBase {
  readonly name: string;
  readonly siteId: string;
  readonly roleId: string;
  readonly platformId: string | null;
  readonly status: DeviceStatus;
  /** An address with its prefix length, e.g. `192.0.2.10/24`, in canonical text; null when none. */
  readonly primaryAddress: string | null;
  /**
   * The out-of-band management address (netbox_facts' `oob_ip`), in the same form as `primaryAddress`; null when
   * none. A collection plan's `connectionTarget` decides which of the two its runs dial, and in what order.
   */
  readonly oobAddress: string | null;
  readonly management: ManagementSettings | null;
  /** Tag slugs, sorted. */
  readonly tags: readonly string[];
  /** What the last facts collection found; written by collection plans, never by a create or patch. */
  readonly facts: DeviceFacts;
}

/** What a create takes: the record without its id and timestamps; omitted optional fields take their defaults. */
export interface SiteInput {
  readonly name: string;
  readonly slug?: string;
  readonly status?: SiteStatus;
  readonly description?: string;
}

export interface DeviceRoleInput {
  readonly name: string;
  readonly slug?: string;
  readonly color?: string;
  readonly description?: string;
}

export interface PlatformInput {
  readonly name: string;
  readonly slug?: string;
  readonly networkDriver?: string;
  readonly description?: string;
}

export interface TagInput {
  readonly name: string;
  readonly slug?: string;
  readonly color?: string;
  readonly description?: string;
}

export interface DeviceInput {
  readonly name: string;
  readonly siteId: string;
  readonly roleId: string;
  readonly platformId?: string | null;
  readonly status?: DeviceStatus;
  readonly primaryAddress?: string | null;
  readonly oobAddress?: string | null;
  readonly management?: ManagementSettings | null;
  /** Tag slugs; each tag must exist. */
  readonly tags?: readonly string[];
}

/**
 * Filters. Every field is optional and they combine with AND. `q` is a case-insensitive substring of the name
 * (and slug). References (`site`, `role`, `platform`) take an id or a slug; `tag` takes slugs, all required.
 */
export interface NamedFilter {
  readonly q?: string;
  readonly name?: string;
  readonly slug?: string;
  readonly id?: readonly string[];
}

export interface SiteFilter extends NamedFilter {
  readonly status?: SiteStatus;
}

export interface DeviceFilter {
  readonly q?: string;
  readonly name?: string;
  readonly id?: readonly string[];
  readonly site?: string;
  readonly role?: string;
  readonly platform?: string;
  readonly status?: DeviceStatus;
  readonly tag?: readonly string[];
  readonly hasPrimaryAddress?: boolean;
  /** Devices a plan with an out-of-band connection target can (true) or cannot (false) dial there. */
  readonly hasOobAddress?: boolean;
}

export interface InventoryRecordOf {
  readonly site: Site;
  readonly device_role: DeviceRole;
  readonly platform: Platform;
  readonly tag: Tag;
  readonly device: Device;
  readonly interface: Interface;
  readonly ip_address: IpAddressRecord;
  readonly ip_neighbour: IpNeighbour;
  readonly mac_entry: MacEntry;
  readonly lldp_neighbour: LldpNeighbour;
  readonly inventory_item: InventoryItem;
}

export interface InventoryInputOf {
  readonly site: SiteInput;
  readonly device_role: DeviceRoleInput;
  readonly platform: PlatformInput;
  readonly tag: TagInput;
  readonly device: DeviceInput;
  readonly interface: InterfaceInput;
  readonly ip_address: IpAddressInput;
  readonly ip_neighbour: IpNeighbourInput;
  readonly mac_entry: MacEntryInput;
  readonly lldp_neighbour: LldpNeighbourInput;
  readonly inventory_item: InventoryItemInput;
}

export interface InventoryFilterOf {
  readonly site: SiteFilter;
  readonly device_role: NamedFilter;
  readonly platform: NamedFilter;
  readonly tag: NamedFilter;
  readonly device: DeviceFilter;
  readonly interface: InterfaceFilter;
  readonly ip_address: IpAddressFilter;
  readonly ip_neighbour: IpNeighbourFilter;
  readonly mac_entry: MacEntryFilter;
  readonly lldp_neighbour: LldpNeighbourFilter;
  readonly inventory_item: InventoryItemFilter;
}

/**
 * One change a job made, as a dry run keeps it so that later steps of the run still see it: the record as it
 * stood after the change (`record` is null for a delete).
 */
export interface InventoryChange {
  readonly model: InventoryModel;
  readonly op: 'create' | 'update' | 'delete';
  readonly id: string;
  readonly record: InventoryRecordOf[InventoryModel] | null;
}
