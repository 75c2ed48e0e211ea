/**
 * First come, first served concurrency slots against the real NATS server (127.0.0.1:4222 unless YARD_NATS_URL):
 * the activities the run workflow calls between its waits. The buckets belong to a fresh instance name.
 */
import { randomUUID } from 'node:crypto';
import { Kvm } from '@nats-io/kv';
import { concurrencyBucketFor, concurrencyQueueBucketFor } from '@yardmaster/contracts';
import { ConcurrencyQueue, ConcurrencySlots, connectNats, type NatsConnection } from '@yardmaster/messaging';
import { testDependencies, uniqueInstanceName } from '@yardmaster/testing';
import { createConcurrencyQueueActivities } from './concurrency-queue.activities';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('cqueue');
const REPLICAS = 4;

let connections: NatsConnection[] = [];
let replicas: Array<ReturnType<typeof createConcurrencyQueueActivities>> = [];
let queue: ConcurrencyQueue;

beforeAll(async () => {
  connections = await Promise.all(Array.from({ length: REPLICAS }, (_, index) => connectNats(testDependencies.natsUrl, `cqueue-int-spec-${INSTANCE}-${index}`)));
  replicas = await Promise.all(
    connections.map(async (nc) => createConcurrencyQueueActivities(await ConcurrencySlots.open(nc, INSTANCE), await ConcurrencyQueue.open(nc, INSTANCE))),
  );
  queue = await ConcurrencyQueue.open(connections[0], INSTANCE);
});

afterAll(async () => {
  const [nc] = connections;
  if (nc && !nc.isClosed()) {
    for (const bucket of [concurrencyBucketFor(INSTANCE), concurrencyQueueBucketFor(INSTANCE)]) await (await new Kvm(nc).open(bucket)).destroy();
  }
  await Promise.all(connections.filter((connection) => !connection.isClosed()).map((connection) => connection.drain()));
});

function newScope(): string {
  return `examples_Job.${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

describe('concurrency slots, first come first served', () => {
  it('queues runs past the limit in order, and a released slot names the first of them, who alone may take it', async () => {
    const [activities] = replicas;
    const scope = newScope();
    const [a, b, c, d] = ['run-a', 'run-b', 'run-c', 'run-d'];

    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: a })).toEqual({ slot: 0 });
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: b })).toEqual({ slot: null });
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: c })).toEqual({ slot: null });
    expect(await queue.waiting(scope)).toEqual([b, c]);

    expect(await activities.handOverConcurrencySlot({ scope, slots: 1, runId: a, slot: 0 })).toEqual({ wake: [b] });
    // A newcomer, and the second in line, may not jump the queue while the first has not claimed yet.
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: d })).toEqual({ slot: null });
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: c })).toEqual({ slot: null });
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: b })).toEqual({ slot: 0 });
    expect(await queue.waiting(scope)).toEqual([c, d]);
  });

  it('a run that leaves the queue (cancelled) wakes whoever may now claim, and frees a slot it got without knowing', async () => {
    const [activities] = replicas;
    const scope = newScope();
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: 'holder' })).toEqual({ slot: 0 });
    await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: 'first' });
    await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: 'second' });

    // The holder is cancelled before its workflow heard of its claim: it hands over with no slot in hand.
    expect(await activities.handOverConcurrencySlot({ scope, slots: 1, runId: 'holder', slot: null })).toEqual({ wake: ['first'] });
    expect(await activities.handOverConcurrencySlot({ scope, slots: 1, runId: 'first', slot: null })).toEqual({ wake: ['second'] });
    expect(await activities.claimConcurrencySlotOrQueue({ scope, slots: 1, runId: 'second' })).toEqual({ slot: 0 });
  });

  it('never loses a queued run when many replicas queue and claim at once, and never gives more slots than the limit', async () => {
    const scope = newScope();
    const runIds = Array.from({ length: 40 }, (_, index) => `run-${index}`);

    const results = await Promise.all(runIds.map((runId, index) => replicas[index % REPLICAS].claimConcurrencySlotOrQueue({ scope, slots: 3, runId })));

    const holders = runIds.filter((_, index) => results[index].slot !== null);
    expect(holders).toHaveLength(3);
    expect([...(await queue.waiting(scope))].sort()).toEqual(runIds.filter((runId) => !holders.includes(runId)).sort());
  });
});
