import { createHash } from 'node:crypto';

/** Yardmaster's UUIDv5 namespace for run ids made from idempotency keys (a random UUID, fixed for ever). */
const RUN_ID_NAMESPACE = '6f1c1f7e-2a8b-4c35-9a3e-3b5f0d7c9e21';

/**
 * The run id of a keyed request: a UUIDv5 of the key, so a repeat that KV has forgotten (or never heard of) still
 * names the same workflow, and Temporal refuses to start it twice.
 */
export function runIdForKey(key: string): string {
  const namespace = Buffer.from(RUN_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(key, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
