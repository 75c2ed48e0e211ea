import type { HostKey } from './host-key';
import type { HostKeyStore, PinnedHostKey } from './host-key-store';

/** Pinned keys in a Map: unit tests, and `npm run fake:devices`-style tools that keep nothing. */
export class InMemoryHostKeyStore implements HostKeyStore {
  private readonly keys = new Map<string, PinnedHostKey>();

  async find(deviceId: string): Promise<PinnedHostKey | null> {
    return this.keys.get(deviceId) ?? null;
  }

  async record(deviceId: string, key: HostKey): Promise<PinnedHostKey> {
    const pinned = this.keys.get(deviceId) ?? { algorithm: key.algorithm, fingerprint: key.fingerprint, recordedAt: new Date() };
    this.keys.set(deviceId, pinned);
    return pinned;
  }

  forget(deviceId: string): boolean {
    return this.keys.delete(deviceId);
  }
}
