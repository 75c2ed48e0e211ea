import { NEIGHBOUR_PROTOCOLS } from '@yardmaster/contracts';
import type { EntityManager } from 'typeorm';
import { LldpNeighbourRecord } from '../../entities/lldp-neighbour.record';
import { requiredTextRule, textRule } from '../../validation/collected-rules';
import { oneOfRule, referenceRule } from '../../validation/field-rules';
import type { CollectedModelDefinition } from '../collected-model';
import { deviceFilter, exactFilter, idColumnFilter, idFilter } from '../collected-filters';

/**
 * The inventory's device and interface at the other end, by name: the one device named as the neighbour calls
 * itself, else the one named by its first label (`sw1` of `sw1.example.net`, as devices often report their
 * FQDN); then that device's interface named as the remote port, any case. Two devices of one name (at two
 * sites) are no match: a link to the wrong one would be worse than none.
 */
export async function resolveRemote(manager: EntityManager, values: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const systemName = String(values.remoteSystemName ?? '').trim();
  const candidates = [systemName, systemName.split('.')[0] ?? ''].filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  let remoteDeviceId: string | null = null;
  for (const name of candidates) {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM inventory_devices WHERE lower(name) = lower($1) LIMIT 2`, [name]);
    if (rows.length === 1) {
      remoteDeviceId = (rows[0] as { id: string }).id;
      break;
    }
    if (rows.length > 1) break;
  }
  if (remoteDeviceId === null) return { remoteDeviceId: null, remoteInterfaceId: null };
  const ports: Array<{ id: string }> = await manager.query(`SELECT id FROM inventory_interfaces WHERE device_id = $1 AND lower(name) = lower($2) LIMIT 2`, [
    remoteDeviceId,
    String(values.remotePort ?? ''),
  ]);
  return { remoteDeviceId, remoteInterfaceId: ports.length === 1 ? (ports[0] as { id: string }).id : null };
}

export const LLDP_NEIGHBOUR_MODEL: CollectedModelDefinition<'lldp_neighbour'> = {
  model: 'lldp_neighbour',
  noun: 'LLDP neighbour',
  plural: 'LLDP neighbours',
  entity: LldpNeighbourRecord,
  schema: {
    deviceId: { rule: referenceRule('device'), required: true },
    interfaceId: { rule: referenceRule('interface'), required: true },
    protocol: { rule: oneOfRule(NEIGHBOUR_PROTOCOLS) },
    remoteChassisId: { rule: requiredTextRule(255), required: true },
    remoteSystemName: { rule: textRule(255) },
    remotePort: { rule: requiredTextRule(255), required: true },
  },
  defaults: () => ({ protocol: 'lldp', remoteSystemName: '' }),
  onDevice: true,
  filters: {
    id: idFilter,
    device: deviceFilter(),
    interface: idColumnFilter('record.interface_id', 'interface'),
    protocol: exactFilter('record.protocol', 'protocol', { oneOf: NEIGHBOUR_PROTOCOLS }),
    remoteSystemName: exactFilter('record.remote_system_name', 'remoteSystemName'),
    remoteChassisId: exactFilter('record.remote_chassis_id', 'remoteChassisId'),
    remoteDevice: deviceFilter('record.remote_device_id', 'remoteDevice'),
  },
  orderBy: ['(SELECT local_interface.name FROM inventory_interfaces local_interface WHERE local_interface.id = record.interface_id)', 'interfaceId', 'remoteSystemName', 'remotePort'],
  uniqueKey: {
    field: 'remotePort',
    clash: (values) => ({
      sql: 'record.interface_id = :interfaceId AND record.protocol = :protocol AND record.remote_chassis_id = :chassis AND record.remote_port = :port',
      params: { interfaceId: values.interfaceId, protocol: values.protocol, chassis: values.remoteChassisId, port: values.remotePort },
    }),
  },
  derive: resolveRemote,
};
