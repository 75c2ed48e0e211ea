import type { HostKey } from './host-key';

/** A pinned key and when it was first seen. */
export interface PinnedHostKey extends HostKey {
  readonly recordedAt: Date;
}

/**
 * Where pinned host keys live, one per device (the inventory's `inventory_device_host_keys`, an in-memory fake in
 * tests). `record` keeps the first key recorded: of two first connections at once, one key wins and the other
 * connection then compares against it.
 */
export interface HostKeyStore {
  find(deviceId: string): Promise<PinnedHostKey | null>;
  /** Records `key` unless the device already has one; answers the key pinned after the call. */
  record(deviceId: string, key: HostKey): Promise<PinnedHostKey>;
}
