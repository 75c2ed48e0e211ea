import { MacEntryRecord } from '../../entities/mac-entry.record';
import { integerRule, macAddressRule, timestampRule } from '../../validation/collected-rules';
import { nullable } from '../../validation/field-rule';
import { referenceRule } from '../../validation/field-rules';
import type { CollectedModelDefinition } from '../collected-model';
import { deviceFilter, idColumnFilter, idFilter, macFilter } from '../collected-filters';

/** The MAC address table: one entry per MAC per VLAN (or per device, without VLANs). */
export const MAC_ENTRY_MODEL: CollectedModelDefinition<'mac_entry'> = {
  model: 'mac_entry',
  noun: 'MAC table entry',
  plural: 'MAC table entries',
  entity: MacEntryRecord,
  schema: {
    deviceId: { rule: referenceRule('device'), required: true },
    interfaceId: { rule: nullable(referenceRule('interface')) },
    vlan: { rule: nullable(integerRule(1, 4094)) },
    mac: { rule: macAddressRule, required: true },
    lastSeen: { rule: timestampRule },
  },
  defaults: () => ({ interfaceId: null, vlan: null, lastSeen: new Date() }),
  onDevice: true,
  filters: {
    id: idFilter,
    device: deviceFilter(),
    interface: idColumnFilter('record.interface_id', 'interface'),
    mac: macFilter('record.mac', 'mac'),
    vlan: {
      kind: 'text',
      where: (value) => (/^\d{1,4}$/.test(value as string) ? { sql: 'record.vlan = :vlan', params: { vlan: Number(value) } } : { sql: '1 = 0', params: {} }),
    },
  },
  orderBy: ['vlan', 'mac'],
  uniqueKey: {
    field: 'mac',
    clash: (values) => ({
      sql: 'record.device_id = :deviceId AND coalesce(record.vlan, 0) = :vlan AND record.mac = :mac',
      params: { deviceId: values.deviceId, vlan: values.vlan ?? 0, mac: values.mac },
    }),
  },
};
