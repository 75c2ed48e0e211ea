import type { Device } from '@yardmaster/contracts';
import { SNMP_DEFAULTS } from '@yardmaster/snmp';
import { DeviceCollectionError } from './device-collection-error';

/**
 * Where SNMP asks a device: its primary address without the prefix length, and the management port when the
 * device is managed over SNMP (another protocol's port, SSH's 22 say, is not SNMP's), else 161.
 */
export function snmpAddressOf(device: Device): { host: string; port: number } {
  if (!device.primaryAddress) throw new DeviceCollectionError('NO_ADDRESS', `Device ${device.name} has no primary address`);
  const host = device.primaryAddress.split('/')[0] ?? '';
  if (!host) throw new DeviceCollectionError('NO_ADDRESS', `Device ${device.name}'s primary address ${device.primaryAddress} has no host part`);
  const port = device.management?.protocol === 'snmp' ? device.management.port : SNMP_DEFAULTS.port;
  return { host, port };
}
