import { durableAckFloor, streamBounds } from '@yardmaster/messaging';
import { streamNamesFor, subjectsFor } from '@yardmaster/contracts';
import type { DataSource, EntityManager } from '@yardmaster/read-models';
import { EVENT_STREAM_SUBJECTS, type ConsumedStream } from '../consumer/consumer-definition';
import { projectionPosition } from './live-positions';
import { replaysFor, type ReadModelName, type ReplayedStream } from './read-model-tables';
import type { RebuildDependencies } from './rebuild-dependencies';
import { FAILURES_NAMED, replayStream, type StreamReplay } from './replay-stream';

/** A stream being replayed, with where it stands. */
export interface Replaying {
  readonly replay: ReplayedStream;
  readonly streamName: string;
  readonly filterSubject: string;
  readonly durableName: string;
  readonly consumed: ConsumedStream;
  readonly firstRetained: number;
  readonly firstRetainedAt: Date | null;
  /** Events the stream no longer holds: purged below the first, or removed in between (the catalog keeps the last per subject). */
  readonly removed: number;
  position: number;
  applied: number;
  failed: number;
  failures: StreamReplay['failures'][number][];
  /** Time spent replaying this stream, in ms. */
  spentMs: number;
}

/** The streams some models need, each with its consumer's handlers and what the stream still holds. */
export async function planReplays(deps: RebuildDependencies, models: readonly ReadModelName[]): Promise<Replaying[]> {
  const streams = streamNamesFor(deps.instance);
  const subjects = subjectsFor(deps.instance);
  const planned: Replaying[] = [];
  for (const replay of replaysFor(models)) {
    const definition = deps.consumers.find((candidate) => candidate.durableName === replay.consumer);
    const consumed = definition?.streams.find((candidate) => candidate.stream === replay.stream);
    if (!consumed) throw new Error(`No consumer ${replay.consumer} reads the ${replay.stream} stream`);
    const streamName = streams[replay.stream];
    const bounds = await streamBounds(deps.nc, streamName);
    planned.push({
      replay,
      streamName,
      filterSubject: subjects[EVENT_STREAM_SUBJECTS[replay.stream]],
      durableName: streams[replay.consumer],
      consumed,
      firstRetained: bounds.firstSequence,
      firstRetainedAt: bounds.firstStoredAt,
      removed: bounds.lastSequence - bounds.messages,
      position: Math.max(0, bounds.firstSequence - 1),
      applied: 0,
      failed: 0,
      failures: [],
      spentMs: 0,
    });
  }
  return planned;
}

/**
 * Replays each stream from where its replay stands to where the live consumer that reads it is: the projection's
 * last applied event (or its ack floor), the audit's ack floor. An event the live side stored but had not
 * acknowledged when it was locked is delivered to it again after a swap, and stored then (log lines and audit
 * entries by their own keys, the rest through applied_events).
 */
export async function catchUp(deps: RebuildDependencies, shadow: DataSource, replaying: Replaying[], live: Pick<EntityManager, 'query'>, liveSchema: string): Promise<void> {
  // The audit writes only its own table: its replay runs beside the read models', one stream after another in each.
  const lanes = [replaying.filter((entry) => entry.replay.consumer !== 'auditConsumer'), replaying.filter((entry) => entry.replay.consumer === 'auditConsumer')];
  await Promise.all(
    lanes.map(async (lane) => {
      for (const entry of lane) {
        const until =
          entry.replay.consumer === 'auditConsumer'
            ? ((await durableAckFloor(deps.nc, entry.streamName, entry.durableName)) ?? (await streamBounds(deps.nc, entry.streamName)).lastSequence)
            : await projectionPosition(live, deps.nc, liveSchema, entry.streamName, entry.durableName);
        await replayInto(deps, shadow, entry, until);
      }
    }),
  );
}

async function replayInto(deps: RebuildDependencies, shadow: DataSource, entry: Replaying, until: number): Promise<void> {
  const began = performance.now();
  let told = began;
  const replayed = await replayStream(deps.nc, shadow, entry.consumed, {
    stream: entry.streamName,
    filterSubject: entry.filterSubject,
    events: entry.replay.events,
    after: entry.position,
    until,
    onProgress: (position, applied) => {
      if (performance.now() - told < 5_000) return;
      told = performance.now();
      deps.log('Replaying', { stream: entry.streamName, position, until, applied: entry.applied + applied });
    },
  });
  entry.position = replayed.position;
  entry.spentMs += performance.now() - began;
  entry.applied += replayed.applied;
  entry.failed += replayed.failed;
  entry.failures.push(...replayed.failures.slice(0, Math.max(0, FAILURES_NAMED - entry.failures.length)));
}
