import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { IDEMPOTENCY_TTL_MS, idempotencyBucketFor, type IdempotencyRef } from '@yardmaster/contracts';
import { decodeJson, encodeJson } from './json-codec';

/** What a keyed request finds when it begins. */
export type IdempotentBeginning<TAnswer> =
  | { readonly kind: 'first' }
  | { readonly kind: 'replay'; readonly answer: TAnswer }
  | { readonly kind: 'reused' }
  | { readonly kind: 'in-use' };

type Entry<TAnswer> =
  | { readonly state: 'pending'; readonly fingerprint: string; readonly since: number }
  | { readonly state: 'done'; readonly fingerprint: string; readonly answer: TAnswer };

/**
 * Keyed requests and their answers, in the NATS KV bucket `<instance>_idempotency` (entries expire after 24 h).
 * A request claims its key with KV's atomic create, so of two that race one goes first and the other learns the key
 * is in use. A claim older than `staleAfterMs` belongs to a request whose process died: it may be taken over
 * (whatever that request had done is found again through the run id, which follows from the key).
 */
export class IdempotencyStore<TAnswer> {
  private constructor(
    private readonly kv: KV,
    private readonly staleAfterMs: number,
  ) {}

  static async open<TAnswer>(nc: NatsConnection, instance: string, staleAfterMs: number): Promise<IdempotencyStore<TAnswer>> {
    const kv = await new Kvm(nc).create(idempotencyBucketFor(instance), { history: 1, ttl: IDEMPOTENCY_TTL_MS });
    return new IdempotencyStore<TAnswer>(kv, staleAfterMs);
  }

  async begin(ref: IdempotencyRef): Promise<IdempotentBeginning<TAnswer>> {
    const pending: Entry<TAnswer> = { state: 'pending', fingerprint: ref.fingerprint, since: Date.now() };
    try {
      await this.kv.create(ref.key, encodeJson(pending));
      return { kind: 'first' };
    } catch (createError) {
      const found = await this.kv.get(ref.key);
      if (!found || found.operation !== 'PUT') throw createError;
      const entry = decodeJson<Entry<TAnswer>>(found.value);
      if (entry.fingerprint !== ref.fingerprint) return { kind: 'reused' };
      if (entry.state === 'done') return { kind: 'replay', answer: entry.answer };
      if (Date.now() - entry.since < this.staleAfterMs) return { kind: 'in-use' };
      await this.kv.update(ref.key, encodeJson(pending), found.revision);
      return { kind: 'first' };
    }
  }

  /** Remembers the answer: every repeat of the key gets it from now on. */
  async complete(ref: IdempotencyRef, answer: TAnswer): Promise<void> {
    const done: Entry<TAnswer> = { state: 'done', fingerprint: ref.fingerprint, answer };
    await this.kv.put(ref.key, encodeJson(done));
  }

  /** Forgets a request that was refused or could not be carried out, so that the client may try the key again. */
  async release(ref: IdempotencyRef): Promise<void> {
    await this.kv.delete(ref.key);
  }
}
