import type { Device } from '@yardmaster/contracts';

const SSH_PORT = 22;

/** The SSH driver's failures that say an address cannot be reached, so a fallback connection target tries the next. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['SSH_CONNECTION_REFUSED', 'SSH_CONNECT_TIMEOUT', 'SSH_HOST_UNREACHABLE']);

/** Where SSH asks a device (on whichever address the plan's connection target picks): the management port when it is SSH's, else 22. */
export function sshPortOf(device: Pick<Device, 'management'>): number {
  return device.management?.protocol === 'ssh' ? device.management.port : SSH_PORT;
}

/** A failure to reach the address at all; an authentication failure or a changed host key is the device's own. */
export function isSshUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}
