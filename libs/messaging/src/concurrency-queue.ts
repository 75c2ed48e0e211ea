import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { concurrencyQueueBucketFor } from '@yardmaster/contracts';

const MAX_RACES = 50;

/**
 * The runs waiting for a concurrency slot of a scope, oldest first, in a NATS KV bucket: one key per scope whose
 * value is the JSON array of run ids. Every change is a compare-and-set on the key's revision, so replicas and
 * workers racing to queue or leave never lose an entry; the loser of a race reads again and retries.
 */
export class ConcurrencyQueue {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, instance: string): Promise<ConcurrencyQueue> {
    return new ConcurrencyQueue(await new Kvm(nc).create(concurrencyQueueBucketFor(instance), { history: 1 }));
  }

  /** The run ids waiting in the scope, oldest first. */
  async waiting(scope: string): Promise<string[]> {
    return (await this.read(scope)).runIds;
  }

  /** Puts the run at the end of the scope's queue unless it waits already; returns the queue afterwards. */
  async enter(scope: string, runId: string): Promise<string[]> {
    return this.change(scope, (runIds) => (runIds.includes(runId) ? null : [...runIds, runId]));
  }

  /** Takes the runs out of the scope's queue (a run that got its slot, or gave up); returns the queue afterwards. */
  async leave(scope: string, ...runIds: string[]): Promise<string[]> {
    return this.change(scope, (current) => (current.some((id) => runIds.includes(id)) ? current.filter((id) => !runIds.includes(id)) : null));
  }

  /** Every scope that has a queue, for the reconciler to drop runs that ended while they waited. */
  async scopes(): Promise<string[]> {
    const scopes: string[] = [];
    for await (const key of await this.kv.keys()) scopes.push(key);
    return scopes;
  }

  /** Applies `next` (null: nothing to change) with a compare-and-set, reading again after a lost race. */
  private async change(scope: string, next: (runIds: string[]) => string[] | null): Promise<string[]> {
    for (let race = 0; race < MAX_RACES; race++) {
      const { runIds, revision } = await this.read(scope);
      const changed = next(runIds);
      if (changed === null) return runIds;
      try {
        const value = JSON.stringify(changed);
        if (revision === 0) await this.kv.create(scope, value);
        else await this.kv.update(scope, value, revision);
        return changed;
      } catch (error) {
        // Someone else changed the queue since it was read: read it again. Any other failure is an answer.
        if (!isWrongRevision(error)) throw error;
      }
    }
    throw new Error(`The concurrency queue of ${scope} kept changing under ${MAX_RACES} attempts to update it`);
  }

  private async read(scope: string): Promise<{ runIds: string[]; revision: number }> {
    const entry = await this.kv.get(scope);
    if (!entry) return { runIds: [], revision: 0 };
    // A deleted or purged key has a revision, but no queue: an update must name that revision.
    if (entry.operation !== 'PUT') return { runIds: [], revision: entry.revision };
    return { runIds: JSON.parse(entry.string()) as string[], revision: entry.revision };
  }
}

function isWrongRevision(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? '')}` : String(error);
  return /wrong last sequence|key exists|10071|10164/i.test(text);
}
