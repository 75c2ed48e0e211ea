import { purgeProjectedEvents, type InstanceNats, type StreamPurge } from '@yardmaster/messaging';
import type { RetentionCutoffs } from './retention-policy';

/**
 * Which streams are purged, and by which retention. The runs stream goes with the runs, and so does the facts
 * stream (a facts report is its run's, and goes with it); the schedules and
 * identity streams feed the audit, so they follow its retention. The catalog stream is the catalog's source of
 * truth (kept per subject instead), and parked events stay until someone replays them.
 */
export function streamsToPurge(nats: InstanceNats, cutoffs: RetentionCutoffs): Array<{ stream: string; olderThan: Date }> {
  const plan = [
    { stream: nats.streams.runs, olderThan: cutoffs.runs },
    { stream: nats.streams.facts, olderThan: cutoffs.runs },
    { stream: nats.streams.schedules, olderThan: cutoffs.audit },
    { stream: nats.streams.identity, olderThan: cutoffs.audit },
  ];
  return plan.filter((entry): entry is { stream: string; olderThan: Date } => entry.olderThan !== null);
}

export async function pruneStreams(nats: InstanceNats, cutoffs: RetentionCutoffs): Promise<StreamPurge[]> {
  const purges: StreamPurge[] = [];
  for (const { stream, olderThan } of streamsToPurge(nats, cutoffs)) purges.push(await purgeProjectedEvents(nats.nc, stream, olderThan));
  return purges;
}
