import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { concurrencyBucketFor, slotKey } from '@yardmaster/contracts';

export interface SlotHolder {
  readonly key: string;
  readonly scope: string;
  readonly slot: number;
  readonly runId: string;
  readonly revision: number;
  /** When the run claimed the slot (the KV entry's time). */
  readonly claimedAt: Date;
}

/**
 * Concurrency slots in a NATS KV bucket. A claim is KV's atomic create, so however many scheduler replicas
 * and workers race for a slot, one run gets it. A release deletes the key only if the same run still holds it.
 */
export class ConcurrencySlots {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, instance: string): Promise<ConcurrencySlots> {
    const kv = await new Kvm(nc).create(concurrencyBucketFor(instance), { history: 1 });
    return new ConcurrencySlots(kv);
  }

  /**
   * Claims the first free slot of the scope for `runId`; returns its number, or null when all are held. A run
   * that holds a slot of the scope already (a retried claim) gets that slot back, never a second one.
   */
  async tryClaim(scope: string, slots: number, runId: string): Promise<number | null> {
    for (let slot = 0; slot < slots; slot++) {
      if ((await this.holderOf(scope, slot))?.runId === runId) return slot;
    }
    for (let slot = 0; slot < slots; slot++) {
      const key = slotKey(scope, slot);
      try {
        await this.kv.create(key, runId);
        return slot;
      } catch (error) {
        const holder = await this.holderOf(scope, slot);
        // Held, unless by this very run (a retried claim): then it is ours already.
        if (holder?.runId === runId) return slot;
        // Not held after all: the create failed for another reason (NATS unreachable, say), which is no answer.
        if (!holder) throw error;
      }
    }
    return null;
  }

  /** The slot of the scope that `runId` holds, or null. */
  async slotHeldBy(scope: string, slots: number, runId: string): Promise<number | null> {
    for (let slot = 0; slot < slots; slot++) if ((await this.holderOf(scope, slot))?.runId === runId) return slot;
    return null;
  }

  /** How many of the scope's first `slots` slots no run holds. */
  async freeCount(scope: string, slots: number): Promise<number> {
    let free = 0;
    for (let slot = 0; slot < slots; slot++) if (!(await this.holderOf(scope, slot))) free++;
    return free;
  }

  async holderOf(scope: string, slot: number): Promise<SlotHolder | null> {
    const key = slotKey(scope, slot);
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT') return null;
    return { key, scope, slot, runId: entry.string(), revision: entry.revision, claimedAt: entry.created };
  }

  /** Frees the slot if `runId` holds it; a slot since taken by another run is left alone. */
  async release(scope: string, slot: number, runId: string): Promise<boolean> {
    const holder = await this.holderOf(scope, slot);
    if (!holder || holder.runId !== runId) return false;
    try {
      await this.kv.delete(holder.key, { previousSeq: holder.revision });
      return true;
    } catch {
      return false;
    }
  }

  /** Every held slot, for the reconciler to free those whose runs have ended. */
  async holders(): Promise<SlotHolder[]> {
    const holders: SlotHolder[] = [];
    for await (const key of await this.kv.keys()) {
      const lastDot = key.lastIndexOf('.');
      const holder = await this.holderOf(key.slice(0, lastDot), Number(key.slice(lastDot + 1)));
      if (holder) holders.push(holder);
    }
    return holders;
  }
}
