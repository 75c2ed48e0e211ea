/**
 * Run start claims in a NATS KV bucket, against the real NATS server with JetStream (127.0.0.1:4222 unless
 * YARD_NATS_URL): a scheduler that gives a start up and the collector that would run it, on connections of their
 * own. The bucket belongs to a fresh instance name and is destroyed afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Kvm } from '@nats-io/kv';
import { runStartClaimsBucketFor } from '@yardmaster/contracts';
import { testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { connectNats, type NatsConnection } from './nats-connection';
import { RunStartClaims } from './run-start-claims';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('starts');

let connections: NatsConnection[] = [];
let scheduler: RunStartClaims;
let collector: RunStartClaims;

beforeAll(async () => {
  connections = await Promise.all(['scheduler', 'collector'].map((who) => connectNats(testDependencies.natsUrl, `run-start-claims-${who}-${INSTANCE}`)));
  [scheduler, collector] = await Promise.all(connections.map((nc) => RunStartClaims.open(nc, INSTANCE)));
});

afterAll(async () => {
  await new Kvm(connections[0]).open(runStartClaimsBucketFor(INSTANCE)).then((kv) => kv.destroy()).catch(() => undefined);
  await Promise.all(connections.map((nc) => nc.close()));
});

describe('run start claims', () => {
  it('a run the collector claimed first did start: the scheduler learns so when it tries to abandon it', async () => {
    const runId = randomUUID();
    expect(await collector.claimStart(runId)).toBe('started');
    expect(await scheduler.abandon(runId)).toBe('started');
    // A later attempt of the same run (a retried first step) finds its own claim.
    expect(await collector.claimStart(runId)).toBe('started');
  });

  it('a run the scheduler abandoned first is refused to the collector, however often it asks', async () => {
    const runId = randomUUID();
    expect(await scheduler.abandon(runId)).toBe('abandoned');
    expect(await collector.claimStart(runId)).toBe('abandoned');
    expect(await collector.claimStart(runId)).toBe('abandoned');
  });

  it('of a scheduler and a collector racing for each of 50 runs, exactly one wins each, and both hear the same', async () => {
    const runIds = Array.from({ length: 50 }, () => randomUUID());
    const outcomes = await Promise.all(runIds.map((runId) => Promise.all([scheduler.abandon(runId), collector.claimStart(runId)])));
    for (const [schedulerHeard, collectorHeard] of outcomes) expect(schedulerHeard).toBe(collectorHeard);
    // And what they heard is what the bucket keeps: a later attempt hears it too.
    const kept = await Promise.all(runIds.map((runId) => collector.claimStart(runId)));
    expect(kept).toEqual(outcomes.map(([heard]) => heard));
  });

  it('a keyed retry takes an abandoned run back: its first activity may then claim it', async () => {
    const runId = randomUUID();
    await scheduler.abandon(runId);
    await scheduler.reclaim(runId);
    expect(await collector.claimStart(runId)).toBe('started');
    expect(await scheduler.abandon(runId)).toBe('started');
  });

  it('taking back a run that started leaves its claim: it cannot be abandoned afterwards', async () => {
    const runId = randomUUID();
    await collector.claimStart(runId);
    await scheduler.reclaim(runId);
    expect(await scheduler.abandon(runId)).toBe('started');
  });
});
