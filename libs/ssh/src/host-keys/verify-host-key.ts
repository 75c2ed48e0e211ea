import { SshError } from '../session/ssh-error';
import { describeHostKey, type HostKey } from './host-key';
import type { HostKeyStore } from './host-key-store';

/**
 * Trust on first use, then pinning: the first key a device shows is recorded; a later connection goes on only when
 * the device shows the same key. A different one is refused with both fingerprints until an operator forgets the
 * pinned key (`DELETE /api/inventory/devices/{id}/host-key`), which lets the next connection record the new one.
 */
export async function verifyHostKey(store: HostKeyStore, deviceId: string, target: string, presented: HostKey): Promise<void> {
  const pinned = (await store.find(deviceId)) ?? (await store.record(deviceId, presented));
  if (pinned.algorithm === presented.algorithm && pinned.fingerprint === presented.fingerprint) return;
  throw new SshError(
    'SSH_HOST_KEY_CHANGED',
    `${target} presented host key ${describeHostKey(presented)}, but ${describeHostKey(pinned)} is pinned for this device since ${pinned.recordedAt.toISOString()}: ` +
      'if the device was replaced or re-keyed, forget the pinned key (DELETE /api/inventory/devices/{id}/host-key) and connect again',
  );
}
