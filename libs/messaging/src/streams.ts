import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy, type StreamConfig } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor, subjectsFor } from '@yardmaster/contracts';
import { ensureRunFilesBucket } from './run-file-store';

/** A publish retried within this window with the same msgID is stored once. */
const DUPLICATE_WINDOW_NANOS = 10 * 60 * 1_000_000_000;

type EventStreamConfig = Partial<StreamConfig> & { name: string };

/**
 * Every stream of events: one subject tree, kept on file, with the same duplicate window. No stream has a
 * max_age, max_bytes or max_msgs: a limit discards the oldest events whether or not the projection has applied
 * them. The event streams are bounded by `system.PruneData` instead, which purges only events every durable
 * consumer has acknowledged and that are older than the retention (`purgeProjectedEvents`).
 */
function eventStream(name: string, subject: string, settings: Partial<StreamConfig> = {}): EventStreamConfig {
  return { name, subjects: [subject], retention: RetentionPolicy.Limits, storage: StorageType.File, ...settings, duplicate_window: DUPLICATE_WINDOW_NANOS };
}

function streamConfigsFor(instance: string): EventStreamConfig[] {
  const names = streamNamesFor(instance);
  const subjects = subjectsFor(instance);
  return [
    eventStream(names.runs, subjects.runEvents, { discard: DiscardPolicy.Old }),
    eventStream(names.schedules, subjects.scheduleEvents),
    eventStream(names.catalog, subjects.catalogEvents, { max_msgs_per_subject: 1000 }),
    eventStream(names.identity, subjects.identityEvents),
    eventStream(names.facts, subjects.factsEvents),
    // Events consumers gave up on: kept until replayed (then deleted one by one), never discarded by age.
    eventStream(names.parked, subjects.parkedEvents),
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
