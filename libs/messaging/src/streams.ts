import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy, type StreamConfig } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor, subjectsFor } from '@yardmaster/contracts';
import { ensureRunFilesBucket } from './run-file-store';

/** A publish retried within this window with the same msgID is stored once. */
const DUPLICATE_WINDOW_NANOS = 10 * 60 * 1_000_000_000;

function streamConfigsFor(instance: string): Array<Partial<StreamConfig> & { name: string }> {
  const names = streamNamesFor(instance);
  const subjects = subjectsFor(instance);
  return [
    {
      name: names.runs,
      subjects: [subjects.runEvents],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      duplicate_window: DUPLICATE_WINDOW_NANOS,
    },
    {
      name: names.schedules,
      subjects: [subjects.scheduleEvents],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: DUPLICATE_WINDOW_NANOS,
    },
    {
      name: names.catalog,
      subjects: [subjects.catalogEvents],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_msgs_per_subject: 1000,
      duplicate_window: DUPLICATE_WINDOW_NANOS,
    },
    {
      name: names.identity,
      subjects: [subjects.identityEvents],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: DUPLICATE_WINDOW_NANOS,
    },
    {
      // Events consumers gave up on: kept until replayed (then deleted one by one), never discarded by age.
      name: names.parked,
      subjects: [subjects.parkedEvents],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: DUPLICATE_WINDOW_NANOS,
    },
  ];
}

/** Creates the instance's streams, or brings an existing stream's settings up to date. Safe to call from every service. */
export async function ensureStreams(nc: NatsConnection, instance: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const config of streamConfigsFor(instance)) {
    const exists = await jsm.streams.info(config.name).then(
      () => true,
      () => false,
    );
    if (exists) await jsm.streams.update(config.name, config);
    else await jsm.streams.add(config);
  }
  await ensureRunFilesBucket(nc, instance);
}
