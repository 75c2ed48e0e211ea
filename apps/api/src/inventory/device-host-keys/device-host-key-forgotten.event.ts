import type { Device, DeviceHostKeyForgotten } from '@yardmaster/contracts';
import { identityEvent, type ChangeContext } from '@yardmaster/identity';
import type { DeviceHostKey } from '@yardmaster/inventory';

/**
 * The identity event (hence the audit) of an operator forgetting a device's pinned host key: trusting whatever key
 * the device shows next is a security decision, recorded with who made it and the fingerprint that was pinned.
 */
export function deviceHostKeyForgottenEvent(context: ChangeContext, device: Device, forgotten: DeviceHostKey | null): DeviceHostKeyForgotten {
  const at = new Date().toISOString();
  return identityEvent<DeviceHostKeyForgotten>('identity.device_host_key_forgotten', `device:${device.id}`, at, context, {
    deviceId: device.id,
    deviceName: device.name,
    forgotten: forgotten ? { algorithm: forgotten.algorithm, fingerprint: forgotten.fingerprint, recordedAt: forgotten.recordedAt.toISOString() } : null,
  });
}
