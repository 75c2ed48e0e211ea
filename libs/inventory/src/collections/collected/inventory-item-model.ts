import { INVENTORY_ITEM_CLASSES } from '@yardmaster/contracts';
import { InventoryItemRecord } from '../../entities/inventory-item.record';
import { requiredTextRule, textRule } from '../../validation/collected-rules';
import { oneOfRule, referenceRule } from '../../validation/field-rules';
import type { CollectedModelDefinition } from '../collected-model';
import { containsFilter, deviceFilter, exactFilter, idFilter } from '../collected-filters';

export const INVENTORY_ITEM_MODEL: CollectedModelDefinition<'inventory_item'> = {
  model: 'inventory_item',
  noun: 'inventory item',
  plural: 'inventory items',
  entity: InventoryItemRecord,
  schema: {
    deviceId: { rule: referenceRule('device'), required: true },
    name: { rule: requiredTextRule(255), required: true },
    class: { rule: oneOfRule(INVENTORY_ITEM_CLASSES) },
    partId: { rule: textRule(255) },
    serial: { rule: textRule(255) },
    firmwareVersion: { rule: textRule(255) },
    softwareVersion: { rule: textRule(255) },
    description: { rule: textRule(255) },
  },
  defaults: () => ({ class: 'unknown', partId: '', serial: '', firmwareVersion: '', softwareVersion: '', description: '' }),
  onDevice: true,
  filters: {
    id: idFilter,
    q: containsFilter(['record.name', 'record.description', 'record.part_id', 'record.serial']),
    device: deviceFilter(),
    name: exactFilter('record.name', 'name'),
    class: exactFilter('record.class', 'class', { oneOf: INVENTORY_ITEM_CLASSES }),
    serial: exactFilter('record.serial', 'serial'),
    partId: exactFilter('record.part_id', 'partId'),
  },
  orderBy: ['name'],
  uniqueKey: { field: 'name', clash: (values) => ({ sql: 'record.device_id = :deviceId AND record.name = :name', params: { deviceId: values.deviceId, name: values.name } }) },
};
