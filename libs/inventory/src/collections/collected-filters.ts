import { isUuid } from '@yardmaster/contracts';
import { canonicalIpAddress } from '../canonical/ip-address';
import { canonicalMacAddress } from '../canonical/mac-address';
import { listOf } from './check-filter';
import type { CollectedFilter, SqlCondition } from './collected-model';
import { likePatternContaining } from './sql-text';

/** Matches nothing: a filter value that cannot name anything (a MAC that is no MAC) gives an empty page, not every record. */
const NOTHING: SqlCondition = { sql: '1 = 0', params: {} };

/** Ids, as a list; values that are not UUIDs match nothing. */
export const idFilter: CollectedFilter = {
  kind: 'list',
  where: (value) => {
    const ids = listOf(value as string | string[]).filter(isUuid);
    return ids.length > 0 ? { sql: 'record.id IN (:...filterIds)', params: { filterIds: ids } } : NOTHING;
  },
};

/** The devices with this id or name, as a subquery; a name may be used at several sites. */
function devicesNamed(value: string, param: string): SqlCondition {
  // Two parameters: one used as a uuid and as text would make Postgres compare text with uuid.
  const byId = isUuid(value) ? `${param}_device.id = :${param}Id OR ` : '';
  return {
    sql: `SELECT ${param}_device.id FROM inventory_devices ${param}_device WHERE ${byId}${param}_device.name = :${param}Name`,
    params: { [`${param}Id`]: value, [`${param}Name`]: value },
  };
}

/** A device's id or name, matched against the record's `column`. */
export function deviceFilter(column = 'record.device_id', param = 'device'): CollectedFilter {
  return {
    kind: 'text',
    where: (value) => {
      const devices = devicesNamed(value as string, param);
      return { sql: `${column} IN (${devices.sql})`, params: devices.params };
    },
  };
}

/** An IP address's device: the device of its interface. */
export const deviceOfInterfaceFilter: CollectedFilter = {
  kind: 'text',
  where: (value) => {
    const devices = devicesNamed(value as string, 'device');
    return { sql: `record.interface_id IN (SELECT iface.id FROM inventory_interfaces iface WHERE iface.device_id IN (${devices.sql}))`, params: devices.params };
  },
};

/** A column equal to the value as given. */
export function exactFilter(column: string, param: string, kind: CollectedFilter['kind'] = 'text'): CollectedFilter {
  return { kind, where: (value) => ({ sql: `${column} = :${param}`, params: { [param]: value } }) };
}

/** A uuid column: values that are not UUIDs match nothing. */
export function idColumnFilter(column: string, param: string): CollectedFilter {
  return { kind: 'text', where: (value) => (isUuid(value as string) ? { sql: `${column} = :${param}`, params: { [param]: value } } : NOTHING) };
}

/** A MAC column, the value in any form a MAC is written. */
export function macFilter(column: string, param: string): CollectedFilter {
  return {
    kind: 'text',
    where: (value) => {
      const mac = canonicalMacAddress(value as string);
      return mac === null ? NOTHING : { sql: `${column} = :${param}`, params: { [param]: mac } };
    },
  };
}

/** An IP column without prefix length, the value in any spelling of the address. */
export function ipFilter(column: string, param: string): CollectedFilter {
  return {
    kind: 'text',
    where: (value) => {
      const ip = canonicalIpAddress(value as string);
      return ip === null ? NOTHING : { sql: `${column} = :${param}`, params: { [param]: ip } };
    },
  };
}

/** Any of `columns` containing the text, any case. */
export function containsFilter(columns: readonly string[]): CollectedFilter {
  return {
    kind: 'text',
    where: (value) => ({ sql: `(${columns.map((column) => `${column} ILIKE :q`).join(' OR ')})`, params: { q: likePatternContaining(value as string) } }),
  };
}
