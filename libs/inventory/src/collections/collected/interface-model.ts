import { INTERFACE_TYPES } from '@yardmaster/contracts';
import { InterfaceRecord } from '../../entities/interface.record';
import { booleanRule, integerRule, macAddressRule, requiredTextRule, textRule } from '../../validation/collected-rules';
import { nullable } from '../../validation/field-rule';
import { oneOfRule, referenceRule } from '../../validation/field-rules';
import type { CollectedModelDefinition } from '../collected-model';
import { containsFilter, deviceFilter, exactFilter, idFilter, macFilter } from '../collected-filters';

export const INTERFACE_MODEL: CollectedModelDefinition<'interface'> = {
  model: 'interface',
  noun: 'interface',
  plural: 'interfaces',
  entity: InterfaceRecord,
  schema: {
    deviceId: { rule: referenceRule('device'), required: true },
    name: { rule: requiredTextRule(100), required: true },
    type: { rule: oneOfRule(INTERFACE_TYPES) },
    enabled: { rule: booleanRule },
    mtu: { rule: nullable(integerRule(1, 65_536)) },
    // kbit/s up to 100 Tbit/s.
    speed: { rule: nullable(integerRule(0, 100_000_000_000)) },
    macAddress: { rule: nullable(macAddressRule) },
    description: { rule: textRule(200) },
    ifIndex: { rule: nullable(integerRule(1, 2_147_483_647)) },
  },
  defaults: () => ({ type: 'other', enabled: true, mtu: null, speed: null, macAddress: null, description: '', ifIndex: null }),
  onDevice: true,
  filters: {
    id: idFilter,
    q: containsFilter(['record.name', 'record.description']),
    device: deviceFilter(),
    name: exactFilter('record.name', 'name'),
    type: exactFilter('record.type', 'type', { oneOf: INTERFACE_TYPES }),
    enabled: exactFilter('record.enabled', 'enabled', 'boolean'),
    macAddress: macFilter('record.mac_address', 'macAddress'),
  },
  orderBy: ['name'],
  uniqueKey: { field: 'name', clash: (values) => ({ sql: 'record.device_id = :deviceId AND record.name = :name', params: { deviceId: values.deviceId, name: values.name } }) },
  bigintFields: ['speed'],
};
