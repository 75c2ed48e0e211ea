/**
 * Concurrency slots in a NATS KV bucket, against the real NATS server with JetStream (127.0.0.1:4222 unless
 * YARD_NATS_URL). The bucket belongs to a fresh instance name and is destroyed afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Kvm } from '@nats-io/kv';
import { concurrencyBucketFor, slotKey } from '@yardmaster/contracts';
import { testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { ConcurrencySlots } from './concurrency-slots';
import { connectNats, type NatsConnection } from './nats-connection';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('slots');
/** Several connections, as several scheduler replicas and collectors would have. */
const REPLICAS = 4;

let connections: NatsConnection[] = [];
let replicas: ConcurrencySlots[] = [];
let slots: ConcurrencySlots;

beforeAll(async () => {
  connections = await Promise.all(Array.from({ length: REPLICAS }, (_, index) => connectNats(testDependencies.natsUrl, `slots-int-spec-${INSTANCE}-${index}`)));
  // Opening creates the bucket when it is missing; every replica opens it, as every service does at start.
  replicas = await Promise.all(connections.map((nc) => ConcurrencySlots.open(nc, INSTANCE)));
  slots = replicas[0];
});

afterAll(async () => {
  const [nc] = connections;
  if (nc && !nc.isClosed()) {
    const kv = await new Kvm(nc).open(concurrencyBucketFor(INSTANCE));
    await kv.destroy();
  }
  await Promise.all(connections.filter((connection) => !connection.isClosed()).map((connection) => connection.drain()));
});

/** A scope of the test's own, so tests do not share slots. */
function newScope(): string {
  return `examples_Job.${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function runIds(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

/** Every run claims at the same moment, spread over the replicas. */
async function claimAtOnce(scope: string, slotCount: number, runs: string[]): Promise<Array<number | null>> {
  return Promise.all(runs.map((runId, index) => replicas[index % REPLICAS].tryClaim(scope, slotCount, runId)));
}

describe('ConcurrencySlots', () => {
  it('gives the only slot to exactly one of 20 runs claiming it at once', async () => {
    const scope = newScope();
    const runs = runIds(20);
    const claimed = await claimAtOnce(scope, 1, runs);

    const winners = runs.filter((_, index) => claimed[index] !== null);
    expect(winners).toHaveLength(1);
    expect(claimed.filter((slot) => slot !== null)).toEqual([0]);
    expect(await slots.holderOf(scope, 0)).toMatchObject({ key: slotKey(scope, 0), scope, slot: 0, runId: winners[0] });
  });

  it('gives a freed slot to exactly one of 20 runs claiming it at once', async () => {
    const scope = newScope();
    const [first] = runIds(1);
    expect(await slots.tryClaim(scope, 1, first)).toBe(0);
    expect(await slots.release(scope, 0, first)).toBe(true);

    // The key now holds a delete marker: claiming it is another code path than a key never written.
    const runs = runIds(20);
    const claimed = await claimAtOnce(scope, 1, runs);
    const winners = runs.filter((_, index) => claimed[index] !== null);
    expect(winners).toHaveLength(1);
    expect((await slots.holderOf(scope, 0))?.runId).toBe(winners[0]);
  });

  it('lets as many runs in as a limit has slots, each with a slot of its own', async () => {
    const scope = newScope();
    const [a, b, c] = runIds(3);
    expect(await slots.tryClaim(scope, 2, a)).toBe(0);
    expect(await slots.tryClaim(scope, 2, b)).toBe(1);
    expect(await slots.tryClaim(scope, 2, c)).toBeNull();

    // A freed slot goes to the next run that asks.
    expect(await slots.release(scope, 0, a)).toBe(true);
    expect(await slots.tryClaim(scope, 2, c)).toBe(0);
    expect((await slots.holderOf(scope, 0))?.runId).toBe(c);
    expect((await slots.holderOf(scope, 1))?.runId).toBe(b);
  });

  it('gives the 2 slots of a limit to exactly 2 of 12 runs claiming at once', async () => {
    const scope = newScope();
    const runs = runIds(12);
    const claimed = await claimAtOnce(scope, 2, runs);
    expect(claimed.filter((slot) => slot !== null).sort()).toEqual([0, 1]);
    const holders = await Promise.all([slots.holderOf(scope, 0), slots.holderOf(scope, 1)]);
    expect(holders.map((holder) => holder?.runId)).toEqual([runs[claimed.indexOf(0)], runs[claimed.indexOf(1)]]);
  });

  it('releases a slot only for the run holding it', async () => {
    const scope = newScope();
    const [holder, other] = runIds(2);
    expect(await slots.tryClaim(scope, 1, holder)).toBe(0);

    expect(await slots.release(scope, 0, other)).toBe(false);
    expect((await slots.holderOf(scope, 0))?.runId).toBe(holder);
    expect(await slots.tryClaim(scope, 1, other)).toBeNull();

    expect(await replicas[1].release(scope, 0, holder)).toBe(true);
    expect(await slots.holderOf(scope, 0)).toBeNull();
    // Releasing again, or a slot never held, changes nothing.
    expect(await slots.release(scope, 0, holder)).toBe(false);
    expect(await slots.release(scope, 5, holder)).toBe(false);
  });

  it('leaves a slot alone that another run took since the release was decided', async () => {
    const scope = newScope();
    const [first, second] = runIds(2);
    await slots.tryClaim(scope, 1, first);
    await slots.release(scope, 0, first);
    await slots.tryClaim(scope, 1, second);
    // A late release for the first run (a retried activity, the reconciler) must not free the second's slot.
    expect(await slots.release(scope, 0, first)).toBe(false);
    expect((await slots.holderOf(scope, 0))?.runId).toBe(second);
  });

  it('gives a run that claims again the slot it already holds, and no second one', async () => {
    const scope = newScope();
    const [a, b] = runIds(2);
    expect(await slots.tryClaim(scope, 1, a)).toBe(0);
    expect(await replicas[2].tryClaim(scope, 1, a)).toBe(0);

    // With a limit: b holds 0, a holds 1; a claim retried by a gets slot 1 back.
    const limited = newScope();
    expect(await slots.tryClaim(limited, 3, b)).toBe(0);
    expect(await slots.tryClaim(limited, 3, a)).toBe(1);
    expect(await slots.tryClaim(limited, 3, a)).toBe(1);

    // Even once an earlier slot is free again, a retried claim does not take a second slot.
    await slots.release(limited, 0, b);
    expect(await slots.tryClaim(limited, 3, a)).toBe(1);
    expect(await slots.holderOf(limited, 0)).toBeNull();
    expect((await slots.holders()).filter((holder) => holder.scope === limited).map((holder) => [holder.slot, holder.runId])).toEqual([[1, a]]);
  });

  it('lists every held slot, and no released one', async () => {
    const scopeA = newScope();
    const scopeB = newScope();
    const [a0, a1, b0] = runIds(3);
    await slots.tryClaim(scopeA, 2, a0);
    await slots.tryClaim(scopeA, 2, a1);
    await slots.tryClaim(scopeB, 1, b0);
    await slots.release(scopeA, 0, a0);

    const holders = (await replicas[3].holders()).filter((holder) => holder.scope === scopeA || holder.scope === scopeB);
    const byKey = new Map(holders.map((holder) => [holder.key, holder]));
    expect(holders).toHaveLength(2);
    expect(byKey.get(slotKey(scopeA, 1))).toMatchObject({ scope: scopeA, slot: 1, runId: a1 });
    expect(byKey.get(slotKey(scopeB, 0))).toMatchObject({ scope: scopeB, slot: 0, runId: b0 });
    for (const holder of holders) expect(holder.revision).toBeGreaterThan(0);
  });
});
