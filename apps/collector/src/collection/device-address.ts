import type { Device } from '@yardmaster/contracts';
import { SNMP_DEFAULTS } from '@yardmaster/snmp';

/**
 * The UDP port SNMP asks a device on, whichever of its addresses is dialled: the management port when the device is
 * managed over SNMP (another protocol's port, SSH's 22 say, is not SNMP's), else 161.
 */
export function snmpPortOf(device: Pick<Device, 'management'>): number {
  return device.management?.protocol === 'snmp' ? device.management.port : SNMP_DEFAULTS.port;
}
