import { createHash } from 'node:crypto';

/** A device's SSH host key as pinned: its algorithm and OpenSSH's SHA256 fingerprint (`ssh-keygen -lf`). */
export interface HostKey {
  /** `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, … (the key blob's own type name). */
  readonly algorithm: string;
  /** `SHA256:` and the unpadded base64 of the SHA-256 of the key blob, as OpenSSH prints it. */
  readonly fingerprint: string;
}

/** The key of a raw SSH public key blob (RFC 4253 6.6: a string naming its type, then the type's fields). */
export function hostKeyOf(blob: Buffer): HostKey {
  const typeLength = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const algorithm = typeLength > 0 && 4 + typeLength <= blob.length ? blob.subarray(4, 4 + typeLength).toString('latin1') : 'unknown';
  const fingerprint = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  return { algorithm, fingerprint };
}

export function describeHostKey(key: HostKey): string {
  return `${key.algorithm} ${key.fingerprint}`;
}
