import { z } from 'zod';

/**
 * An `Idempotency-Key` as a command carries it: `key` already names who asked and where (a hash of user, route
 * and the client's header), so two users' keys never meet; `fingerprint` is a hash of the request body, so the
 * same key with another body is told apart from a repeat.
 */
export const idempotencyRefSchema = z.object({ key: z.string().min(1), fingerprint: z.string() });
export type IdempotencyRef = z.infer<typeof idempotencyRefSchema>;

/** The NATS KV bucket `<instance>_idempotency` that remembers keyed requests and their answers for 24 h. */
export function idempotencyBucketFor(instance: string): string {
  return `${instance}_idempotency`;
}

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** The response header that marks an answer given again for a repeated key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
