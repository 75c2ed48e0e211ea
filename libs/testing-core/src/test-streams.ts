import { jetstreamManager } from '@nats-io/jetstream';
import { concurrencyBucketFor, concurrencyQueueBucketFor, idempotencyBucketFor, runFilesBucketFor, runStartClaimsBucketFor, streamNamesFor } from '@yardmaster/contracts';
import type { NatsConnection } from '@nats-io/nats-core';

/** Deletes an instance's streams (and so their consumers) and its KV and object store buckets after a test. */
export async function deleteStreams(nc: NatsConnection, instance: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const names = streamNamesFor(instance);
  // A KV bucket is a stream named KV_<bucket>, an object store one named OBJ_<bucket>.
  for (const stream of [names.runs, names.catalog, names.schedules, names.identity, names.facts, names.parked, `KV_${concurrencyBucketFor(instance)}`, `KV_${concurrencyQueueBucketFor(instance)}`, `KV_${idempotencyBucketFor(instance)}`, `KV_${runStartClaimsBucketFor(instance)}`, `OBJ_${runFilesBucketFor(instance)}`]) {
    await jsm.streams.delete(stream).catch(() => false);
  }
}
