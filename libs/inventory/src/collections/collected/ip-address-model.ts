import { IP_ADDRESS_STATUSES } from '@yardmaster/contracts';
import type { EntityManager } from 'typeorm';
import { canonicalIpAddress, canonicalIpPrefix, hostOf } from '../../canonical/ip-address';
import { IpAddressRecord } from '../../entities/ip-address.record';
import { textRule } from '../../validation/collected-rules';
import { nullable } from '../../validation/field-rule';
import { oneOfRule, addressWithPrefixRule, referenceRule } from '../../validation/field-rules';
import type { CollectedModelDefinition } from '../collected-model';
import { containsFilter, deviceOfInterfaceFilter, exactFilter, idColumnFilter, idFilter } from '../collected-filters';

/** An IP address's device is its interface's: looked up for every page read. */
async function addDeviceIds(manager: EntityManager, records: Array<Record<string, unknown>>): Promise<void> {
  const interfaceIds = [...new Set(records.map((record) => record.interfaceId).filter((id): id is string => typeof id === 'string'))];
  const rows: Array<{ id: string; device_id: string }> = interfaceIds.length > 0 ? await manager.query(`SELECT id, device_id FROM inventory_interfaces WHERE id = ANY($1)`, [interfaceIds]) : [];
  const deviceOf = new Map(rows.map((row) => [row.id, row.device_id]));
  for (const record of records) record.deviceId = typeof record.interfaceId === 'string' ? (deviceOf.get(record.interfaceId) ?? null) : null;
}

/** An address with or without prefix length matches the host address, whatever the prefix length stored. */
function hostOfGiven(value: string): string | null {
  const prefix = canonicalIpPrefix(value);
  return prefix === null ? canonicalIpAddress(value) : hostOf(prefix);
}

export const IP_ADDRESS_MODEL: CollectedModelDefinition<'ip_address'> = {
  model: 'ip_address',
  noun: 'IP address',
  plural: 'IP addresses',
  entity: IpAddressRecord,
  schema: {
    address: { rule: addressWithPrefixRule, required: true },
    vrf: { rule: textRule(100) },
    status: { rule: oneOfRule(IP_ADDRESS_STATUSES) },
    interfaceId: { rule: nullable(referenceRule('interface')) },
    dnsName: { rule: textRule(255) },
  },
  defaults: () => ({ vrf: '', status: 'active', interfaceId: null, dnsName: '' }),
  onDevice: false,
  filters: {
    id: idFilter,
    q: containsFilter(['record.address', 'record.dns_name']),
    device: deviceOfInterfaceFilter,
    interface: idColumnFilter('record.interface_id', 'interface'),
    address: {
      kind: 'text',
      where: (value) => {
        const host = hostOfGiven(value as string);
        return host === null ? { sql: '1 = 0', params: {} } : { sql: `split_part(record.address, '/', 1) = :address`, params: { address: host } };
      },
    },
    vrf: exactFilter('record.vrf', 'vrf'),
    status: exactFilter('record.status', 'status', { oneOf: IP_ADDRESS_STATUSES }),
    dnsName: exactFilter('record.dns_name', 'dnsName'),
  },
  orderBy: ['vrf', 'address'],
  uniqueKey: {
    field: 'address',
    clash: (values) => ({ sql: `split_part(record.address, '/', 1) = :host AND record.vrf = :vrf`, params: { host: hostOf(values.address as string), vrf: values.vrf } }),
  },
  decorate: addDeviceIds,
};
