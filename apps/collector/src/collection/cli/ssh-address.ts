import type { Device } from '@yardmaster/contracts';
import { DeviceCollectionError } from '../device-collection-error';

const SSH_PORT = 22;

/** Where SSH asks a device: its primary address without the prefix length, and the management port when it is SSH's, else 22. */
export function sshAddressOf(device: Device): { host: string; port: number } {
  const host = (device.primaryAddress ?? '').split('/')[0] ?? '';
  if (!host) throw new DeviceCollectionError('NO_ADDRESS', `Device ${device.name} has no primary address`);
  const port = device.management?.protocol === 'ssh' ? device.management.port : SSH_PORT;
  return { host, port };
}
