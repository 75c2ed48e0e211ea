import { IpNeighbourRecord } from '../../entities/ip-neighbour.record';
import { ipAddressRule, macAddressRule, textRule, timestampRule } from '../../validation/collected-rules';
import { nullable } from '../../validation/field-rule';
import { referenceRule } from '../../validation/field-rules';
import type { CollectedModelDefinition } from '../collected-model';
import { deviceFilter, exactFilter, idColumnFilter, idFilter, ipFilter, macFilter } from '../collected-filters';

/** ARP and NDP entries: one MAC per IP address, per device and VRF. */
export const IP_NEIGHBOUR_MODEL: CollectedModelDefinition<'ip_neighbour'> = {
  model: 'ip_neighbour',
  noun: 'IP neighbour',
  plural: 'IP neighbours',
  entity: IpNeighbourRecord,
  schema: {
    deviceId: { rule: referenceRule('device'), required: true },
    interfaceId: { rule: nullable(referenceRule('interface')) },
    ip: { rule: ipAddressRule, required: true },
    mac: { rule: macAddressRule, required: true },
    vrf: { rule: textRule(100) },
    lastSeen: { rule: timestampRule },
  },
  defaults: () => ({ interfaceId: null, vrf: '', lastSeen: new Date() }),
  onDevice: true,
  filters: {
    id: idFilter,
    device: deviceFilter(),
    interface: idColumnFilter('record.interface_id', 'interface'),
    ip: ipFilter('record.ip', 'ip'),
    mac: macFilter('record.mac', 'mac'),
    vrf: exactFilter('record.vrf', 'vrf'),
  },
  orderBy: ['vrf', 'ip'],
  uniqueKey: {
    field: 'ip',
    clash: (values) => ({ sql: 'record.device_id = :deviceId AND record.vrf = :vrf AND record.ip = :ip', params: { deviceId: values.deviceId, vrf: values.vrf, ip: values.ip } }),
  },
};
