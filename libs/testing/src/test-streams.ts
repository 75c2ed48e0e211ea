import { jetstreamManager } from '@nats-io/jetstream';
import { streamNamesFor } from '@yardmaster/contracts';
import type { NatsConnection } from '@yardmaster/messaging';

/** Deletes an instance's streams (and so their consumers) after a test. */
export async function deleteStreams(nc: NatsConnection, instance: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const names = streamNamesFor(instance);
  for (const stream of [names.runs, names.catalog]) {
    await jsm.streams.delete(stream).catch(() => false);
  }
}
