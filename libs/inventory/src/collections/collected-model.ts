import type { InventoryModel } from '@yardmaster/contracts';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { InputSchema } from '../validation/read-input';
import type { FilterKind } from './check-filter';

/** The models collection plans fill: each hangs off a device (an IP address through its interface). */
export type CollectedModel = Extract<InventoryModel, 'interface' | 'ip_address' | 'ip_neighbour' | 'mac_entry' | 'lldp_neighbour' | 'inventory_item'>;

/** A piece of SQL over the alias `record` and its parameters. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A filter field: its kind (checked first), and the condition a value gives. */
export interface CollectedFilter {
  readonly kind: FilterKind;
  readonly where: (value: unknown) => SqlCondition;
}

/** How two records clash: the field a conflict names, and the condition that finds the other record. */
export interface UniqueKey {
  readonly field: string;
  readonly clash: (values: Readonly<Record<string, unknown>>) => SqlCondition;
}

/** How one collected model differs from the others; the rest is `CollectedCollection`. */
export interface CollectedModelDefinition<M extends CollectedModel> {
  readonly model: M;
  readonly noun: string;
  readonly plural: string;
  readonly entity: EntityTarget<ObjectLiteral>;
  /** The fields a create or patch takes. */
  readonly schema: InputSchema;
  /** The values of fields a create leaves out; a function, as some are the time of the write. */
  readonly defaults: () => Readonly<Record<string, unknown>>;
  /** True when records carry `deviceId` themselves; an IP address belongs to a device only through its interface. */
  readonly onDevice: boolean;
  readonly filters: Readonly<Record<string, CollectedFilter>>;
  /** Property names (or a parenthesised SQL expression over `record`) to list by, after the device's name for records on a device and before `id`. */
  readonly orderBy: readonly string[];
  readonly uniqueKey: UniqueKey;
  /** bigint properties, which Postgres hands back as text, to give as numbers. */
  readonly bigintFields?: readonly string[];
  /** Fields the record shows that no input sets (`remoteDeviceId`), worked out before each write. */
  readonly derive?: (manager: EntityManager, values: Readonly<Record<string, unknown>>) => Promise<Readonly<Record<string, unknown>>>;
  /** Fields the record shows from other tables (an IP address's `deviceId`), added after each read. */
  readonly decorate?: (manager: EntityManager, records: Array<Record<string, unknown>>) => Promise<void>;
}
