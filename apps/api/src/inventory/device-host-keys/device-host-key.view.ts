import type { DeviceHostKey } from '@yardmaster/inventory';

/** What the API answers of a device's pinned key: `pinned` null until the device's first SSH session records one. */
export interface DeviceHostKeyView {
  readonly deviceId: string;
  readonly pinned: { readonly algorithm: string; readonly fingerprint: string; readonly recordedAt: string } | null;
}

export function deviceHostKeyViewOf(deviceId: string, key: DeviceHostKey | null): DeviceHostKeyView {
  return { deviceId, pinned: key ? { algorithm: key.algorithm, fingerprint: key.fingerprint, recordedAt: key.recordedAt.toISOString() } : null };
}

export const DEVICE_HOST_KEY_VIEW_SCHEMA = {
  type: 'object',
  properties: {
    deviceId: { type: 'string', format: 'uuid' },
    pinned: {
      type: 'object',
      nullable: true,
      description: 'null: no key pinned yet (the next SSH session records the one the device shows)',
      properties: {
        algorithm: { type: 'string', example: 'ssh-ed25519' },
        fingerprint: { type: 'string', example: 'SHA256:DNRfCG2FlS6pe/9ZDZiwtJin5albL/owd2/+doNjORU', description: "OpenSSH's form, as `ssh-keygen -lf` prints it" },
        recordedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};
