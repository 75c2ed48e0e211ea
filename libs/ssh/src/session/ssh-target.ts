import type { SshCredentials } from '@yardmaster/contracts';
import type { HostKeyStore } from '../host-keys/host-key-store';

export interface SshTimeouts {
  /** TCP connect, SSH handshake and authentication together. */
  readonly connectMs: number;
  /** From sending a command until its prompt is back (also: the login prompt, enable). */
  readonly commandMs: number;
  /** A session without a command for this long closes itself (the device's vty line is freed). */
  readonly idleMs: number;
}

/** Network gear answers slowly: netmiko's `conn_timeout` is 10 s and its `read_timeout` for a command is 10-100 s. */
export const SSH_DEFAULT_TIMEOUTS: SshTimeouts = { connectMs: 10_000, commandMs: 30_000, idleMs: 60_000 };

/** One device to open a session to. Credentials are an opened `ssh` credential set: the caller lets them go after. */
export interface SshTarget {
  /** The inventory device's id: its host key is pinned under it. */
  readonly deviceId: string;
  readonly host: string;
  /** 22 unless given. */
  readonly port?: number;
  /** One of SSH_PLATFORMS (the platform's `networkDriver`); another fails with SSH_UNSUPPORTED_PLATFORM. */
  readonly platform: string;
  readonly credentials: SshCredentials;
  readonly hostKeys: HostKeyStore;
  readonly timeouts?: Partial<SshTimeouts>;
  /** Cancels: the session closes, what is pending fails with SSH_CANCELLED. */
  readonly signal?: AbortSignal;
}
